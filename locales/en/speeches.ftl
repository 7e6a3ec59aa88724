# Speeches: new messages of the domain core (src/domain/speeches.ts).

## Withdrawing a speech
speech-nothing-to-withdraw = { $unit } has no speech submitted (or has already withdrawn it), so there is nothing to withdraw.

## Speech drafts: safe around other commands; a new version and a withdrawal are explicit choices
speech-draft-still-open = Note: you are still writing a speech ({ $parts } parts not submitted). The parts sent are kept: send the rest, type xong to submit, or /huy to drop it.
speech-draft-open-after-answer = Note: you are still writing a speech ({ $parts } parts not submitted); the parts sent are kept. Answer the question above first, then send the rest, type xong to submit, or /huy to drop it.
speech-choose = What would you like to do?
speech-choice-new = Submit a new version
speech-choice-withdraw = Withdraw version { $n }
speech-send-new = Please send the new version: type the text (one or more messages), then type xong when everything is sent; or send a Word, PDF, ODT or TXT file, or photos of the pages. Earlier versions stay kept. Type /huy to stop.
speech-replace-confirm = Version { $n } was accepted by the organizers. A new version will replace the accepted one and must be reviewed again. Do you want to submit a new version?
speech-replace-yes = Submit a new version replacing version { $n }
speech-replace-no = Keep the accepted version { $n }
speech-replace-kept = The accepted version { $n } is kept; nothing changed.
speech-withdraw-confirm = Do you really want to withdraw version { $n } of the speech of { $unit } ({ $what }, submitted { $time })? A withdrawn version stays kept but the organizers will no longer review it.
speech-withdraw-yes = Withdraw version { $n }
speech-withdraw-no = Do not withdraw
speech-withdraw-kept = Version { $n } of the speech is kept; nothing changed.
speech-withdrawn = Version { $n } of the speech of { $unit } is withdrawn and the organizers were told. When needed, type /thamluan to submit a new version.
speech-withdrawn-notice = { $unit } withdrew version { $n } of its speech ({ $time }). It stays kept but no longer waits for review.
speech-withdraw-reviewed = Version { $n } of the speech of { $unit } has already been reviewed by the organizers, so it cannot be withdrawn by the unit; if needed, please contact the organizers{ $contact }.
speech-withdraw-stale = Version { $n } is no longer the latest version waiting for review; please type /thamluan to see where the speech stands.

## /datlich asks before saving a time that may be a mistake (src/domain/schedule.ts: scheduleRisks)
schedule-risk-title = You set the conference time: { $time }. Please note before it is saved:
schedule-risk-hours = { $n }. The start { $time } is outside office hours (7:00 to 18:00).
schedule-risk-weekend = { $n }. This day is a { $weekday }, a weekend day.
schedule-risk-holiday = { $n }. { $date } is a public holiday in the conference's calendar.
schedule-risk-rsvp-past = { $n }. The attendance deadline would be { $time }, already past: units would have no time to confirm.
schedule-risk-speech-past = { $n }. The speech deadline would be { $time }, already past: units would have no time to submit.
schedule-risk-reminder = { $n }. The reminder at { $time } is already past and will not be sent.
schedule-risk-ask = Save this time anyway, or correct it?
schedule-risk-keep = Save anyway
schedule-risk-redo = Correct it
schedule-redo = Please type the time again (and the place if needed), for example: 20/06/2027 14:00 | Hội trường UBND huyện, or 18/6 8 giờ 30. Type /huy to stop.

## Change notice: the deadlines moved with the new time
notice-change-rsvp-deadline = New attendance deadline: { $time }
notice-change-speech-deadline = New speech deadline: { $time }
