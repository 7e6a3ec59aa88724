# The organizers' desk (a web page beside the bot) and the public page.

## /web
cmd-desk = Open the organizers' desk on a computer (a one-time sign-in link)
desk-link-reply = Dear { $name },
    Your sign-in link to the organizers' desk (single use, valid 10 minutes):
    { $url }
    Please do not pass this link on.
desk-cli-link = Sign-in link to the desk for { $account } (single use, valid 10 minutes):
desk-cli-no-organizer = No organizer is configured: set ORGANIZER_IDS (e.g. ORGANIZER_IDS=console:organizer) and run again.

## Page frame
desk-title = Organizers' desk
desk-nav-overview = Overview
desk-nav-units = Units
desk-nav-speeches = Speeches
desk-nav-scores = PAR Index
desk-nav-board = Check-in
desk-nav-downloads = Downloads
desk-nav-notices = Notices
desk-signed-in = { $name }
desk-signed-in-organizers = Organizers
desk-sign-out = Sign out
desk-back = Back

## Refusals (a plain page, nothing changed)
desk-refused-title = Not done
desk-link-forged = This sign-in link is not valid. Type /web in the chat with the bot for a new link.
desk-link-expired = This sign-in link has expired (after 10 minutes). Type /web for a new link.
desk-link-used = This sign-in link was already used. Each link works once; type /web for a new link.
desk-link-just-used = This sign-in link was used a moment ago (perhaps "Open the desk" was pressed twice). If the desk did not open, type /web for a new link.
desk-wrong-host = This address is not the organizers' desk. Open the address in the link the bot sent.
desk-bad-form = The form that was sent could not be read (the connection may have been cut). Reload the page and send it again; nothing was changed.
desk-not-saved = Not saved: the server could not write its data (for example, its disk is full); nothing was changed. Please tell the server's administrator and try again in a few minutes.
desk-not-saved-kept = What you typed is kept below; press "Try saving again" to send it again.
desk-retry = Try saving again
desk-link-not-organizer = This account is not an organizer and cannot open the desk.
desk-rate-limited = This sign-in link does not work and has been tried many times. Type /web in the chat with the bot for a new link; a new link works at once.
desk-need-sign-in = You are not signed in, or your session has ended. Type /web in the chat with the bot for a sign-in link.
desk-csrf = This form has expired or was not sent from the desk. Reload the page and try again; nothing was changed.
desk-not-found = No such page or file.
desk-too-large = The file is too large (at most { $mb } MB). Nothing was changed.
desk-bad-input = What was sent is not right. Nothing was changed.
desk-signed-out = You have signed out of the desk.
desk-sign-in-confirm = Press the button below to open the desk. The link works once.
desk-sign-in-button = Open the desk

## Overview
desk-overview-title = Overview
desk-overview-deadlines = Deadlines
desk-overview-attendance = Attendance and check-in
desk-overview-partial = Answered in part ({ $count } units)
desk-overview-work = Speeches, speakers, notices
desk-overview-notices = Notices filed: { $count }
desk-deadline-rsvp = RSVP deadline: { $time }
desk-deadline-speech = Speech deadline: { $time }
desk-deadline-tba = not set yet

## Units
desk-units-title = Units
desk-col-unit = Unit
desk-col-seats = Seats and answers
desk-col-accounts = Accounts
desk-col-code = Invite code
desk-no-accounts = none yet
desk-no-code = no code
desk-answer-on-behalf = Answer on behalf
desk-answer-seat = Seat
desk-answer-status = Answer
desk-answer-text = Name (position) or reason
desk-status-attend = Attends
desk-status-substitute = Sends a substitute
desk-status-absent = Absent
desk-reissue = Issue a new code
desk-revoke = Revoke the code
desk-remove-account = Remove from the unit
desk-unanswered = not answered
desk-answered-done = Answer saved for { $unit }, { $seat }: { $answer }.
desk-code-reissued = A new invite code was issued for { $unit }; the old one no longer works.
desk-code-revoked = The invite code of { $unit } was revoked.
desk-account-removed = Account { $name } removed from { $unit }.
desk-told = { $count } account(s) of the unit were told.
desk-told-none = The unit has no account to tell yet.

## Speeches
desk-speeches-title = Speeches
desk-speech-topic = Topic: { $topic }
desk-speech-none = No version sent yet.
desk-speech-version = Version { $n } — { $time } — { $by }
desk-speech-previous = Previous version
desk-speech-latest = Latest version
desk-speech-no-previous = No previous version.
desk-speech-file = File: { $name }
desk-speech-pages = { $count } photographed page(s)
desk-speech-open = Read and review
desk-speech-accept = Accept
desk-speech-changes = Ask for changes
desk-speech-note = What to change
desk-speech-note-missing = Please write what to change. Nothing was changed.

## PAR Index
desk-scores-title = PAR Index
desk-scores-current = Current table: year { $year }, { $units } units, imported at { $time }.
desk-scores-none = No score table yet.
desk-scores-published = Published at { $time }.
desk-scores-unpublished = Not published.
desk-scores-upload = Upload the score table (.xlsx or .csv, at most { $mb } MB)
desk-scores-upload-button = Check the table
desk-scores-confirm = Confirm the import
desk-scores-cancel = Cancel
desk-scores-publish = Publish the results
desk-scores-preview-gone = The preview is gone (imported, cancelled or expired). Please upload the table again. Nothing was changed.
desk-scores-ranking = Ranking

## Check-in
desk-board-title = Check-in
desk-board-present = Present { $present }/{ $expected }
desk-board-code = Check-in code: { $code }
desk-board-code-hint = Delegates type /checkin { $code } in the chat with the bot.
desk-board-no-code = No check-in code yet. Press the button below to issue one, then show this page or the poster on the hall's screen.
desk-board-issue = Issue a check-in code
desk-board-rotate = Issue a new code (the old code and posters stop working)
desk-board-expected-note = Expected: every invited seat except those reported absent ({ $unanswered } of them not answered).
desk-board-arrivals = Latest arrivals
desk-board-checkin = Check in on behalf
desk-board-checked = Checked in on behalf of { $unit }, { $seat }.
desk-board-unit = { $unit }: { $present }/{ $expected }

## Downloads
desk-downloads-title = Downloads
desk-download-workbook = Summary workbook (.xlsx)
desk-download-ics = Conference calendar (.ics)

## Notices

## Public page
public-time = Time: { $time }
public-place = Place: { $place }
public-tba = to be announced
public-agenda = Agenda
public-documents = Documents
public-ranking = PAR Index results { $year }
public-col-rank = Rank
public-col-unit = Unit
public-col-total = Total
public-col-class = Classification

desk-download-letters = Invitation letters of every unit, one file (.docx)
desk-download-list = Sign-in list of delegates (.docx)
desk-letters-without-code = { $count ->
    [one] A unit has no invite code yet (its downloaded letter prints none): { $units }.
   *[other] { $count } units have no invite code yet (their downloaded letters print none): { $units }.
}
desk-letters-issue-codes = Issue the missing invite codes
desk-letters-codes-issued = { $count ->
    [0] Every unit already has an invite code; none was issued.
   *[other] Invite codes issued to { $count } units. Letters downloaded from now on print them.
}
desk-download-poster = Check-in poster (.png)
desk-notices-text = Notice text (at most { $max } characters)
desk-notices-audience = Send to
desk-notices-when = Send at (leave empty to send as soon as confirmed)
desk-notices-preview = Preview
desk-notices-set-time = Set the time
desk-notices-sent = Notices written
desk-notices-acked = Acknowledged by
desk-notices-col-sent = Sent
desk-notices-col-failed = Failed
desk-notices-col-unreachable = Unreachable
desk-notices-col-pending = Waiting
desk-notices-col-acked = Acknowledged
desk-notices-parked-line = { $who } ({ $channel }): { $reason }
desk-notices-drafts = Your drafts not sent yet
desk-notices-draft-line = { $id }: { $text } (written at { $time })
