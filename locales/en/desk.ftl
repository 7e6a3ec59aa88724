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
desk-col-seats = Places and answers
desk-col-accounts = Accounts
desk-col-code = Invite code
desk-no-accounts = none yet
desk-no-code = no code
desk-answer-on-behalf = Answer on behalf
desk-answer-seat = Place
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
desk-board-rotate = Change the check-in code
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

## Frame, accessibility
desk-skip = Skip the menu, go to the main content
desk-nav-label = Sections of the desk
desk-nav-reception = Reception

## Refusals on the web: what was typed is kept, with a way back
desk-kept-label = What you typed
desk-refused-kept = What you typed is kept below: correct it and press "Send again".
desk-refused-kept-here = What you typed is kept in the form below: correct it and send it again.
desk-send-again = Send again
desk-upload-empty = No score file was chosen, or the file chosen is empty. Please press "Choose file", pick a .xlsx or .csv file and press "Check the table". Nothing was changed.

## Asking before what cannot be undone
desk-confirm-what = This will:
desk-confirm-no = No, go back
desk-confirm-reissue-title = Issue a new invite code for { $unit }?
desk-confirm-reissue = The code in use ({ $code }) — the code printed on the letters sent to the unit — stops working.
desk-confirm-reissue-after = Accounts that already joined stay. Anyone who has not joined needs the new code: tell the unit the new code or send the letter again.
desk-confirm-revoke-title = Revoke the invite code of { $unit }?
desk-confirm-revoke = The invite code { $code } stops working; the unit has no code until the organizers issue a new one. Accounts that already joined stay.
desk-confirm-remove-title = Remove the account from the unit?
desk-confirm-remove = The account { $name } ({ $channel }) is removed from { $unit } and told so; joining again needs the unit's invite code.
desk-confirm-rotate = The check-in code { $code } — shown in the hall and printed on the posters — stops working; delegates need the new code.
desk-confirm-rotate-button = Change the check-in code
desk-board-no-code-to-rotate = There is no check-in code to change yet. Nothing was changed.
desk-confirm-publish = Publish the PAR Index results for { $year } ({ $units } units): the ranking appears on the conference's public page.
desk-confirm-publish-sent = { $accounts ->
    [0] No unit has a delegate account on the bot to receive its result yet.
   *[other] { $accounts } delegate accounts of { $units } units receive their own unit's result at once.
}
desk-confirm-publish-final = Messages sent cannot be taken back.

## Units (the list and each unit's page)
desk-col-answered = Places answered
desk-units-answered = { $answered }/{ $seats }
desk-units-hint = Press a unit's name to see each place, answer on its behalf, its accounts and its invite code.
desk-units-all = ← All units
desk-col-seat = Place
desk-col-answer = Answer
desk-account-unnamed = (no name yet)

## Check-in: reception and the hall screen
desk-board-seat-label = Place of { $unit }
desk-hall-open = Hall screen
desk-hall-qr-alt = Check-in QR code
desk-hall-code-label = Check-in code
desk-hall-how-telegram = Telegram: scan the QR code with your phone.
desk-hall-how-any = Open the conference's bot, type /diemdanh and the code above.
desk-hall-how-zalo = Zalo: open the conference's bot, type /diemdanh and the code above.
desk-hall-no-code = The organizers have not issued a check-in code yet.
desk-hall-present = Delegates present
desk-reception-title = Reception — check-in at the welcome desk
desk-reception-search = Find a unit or a delegate's name (without accents is fine)
desk-reception-search-button = Find
desk-reception-none = No unit or delegate matches. Try typing fewer letters.
desk-reception-checkin = Check in
desk-reception-checked = ✓ Checked in
desk-reception-checked-at = ✓ Checked in at { $time }

## Speeches, notices
desk-speech-request = The organizers asked for changes to version { $n } at { $time }
desk-speeches-all = ← All speeches
desk-notices-col-channel = Channel

## Public page: the conference's bot
public-bot-title = The conference's bot
public-bot-hint = Delegates scan the QR code or press the link to open the bot: answer the invitation, get the documents, check in at the hall.
public-bot-telegram = Telegram
public-bot-zalo = Zalo
public-bot-qr = QR code opening the bot on { $name }

## The desk's words in place of sentences naming chat commands (src/desk/words.ts)
desk-web-rsvp-attend-no-name = Please write the attendee's name in the box "Name (position) or reason". Nothing was changed.
desk-web-rsvp-substitute-no-name = Please write the substitute's name and position separated by a comma (e.g. Lò Văn A, Deputy Chair). Nothing was changed.
desk-web-rsvp-substitute-no-position = Please add the position of { $name } after a comma (e.g. { $name }, Deputy Chair). Nothing was changed.
desk-web-rsvp-absent-no-reason = Please write the reason for the absence in the box "Name (position) or reason" (e.g. On a business trip). Nothing was changed.
desk-web-notice-empty = The notice has no text. Please type it in the box "Notice text".
desk-web-notice-audience-missing = No audience chosen. Please choose one under "Send to".
desk-web-notice-units-missing = You chose "units" but ticked none. Please tick at least one unit.
desk-web-notice-expired = This preview has expired or is gone. Please write the notice again under Notices.
desk-web-notice-already-confirmed = Notice { $id } was already confirmed; it is not sent again. Its status is under Notices.
desk-web-notice-scheduled = Notice { $id } will be sent at { $time } to { $count } accounts. To cancel: open the notice under Notices and press cancel.
desk-web-notice-unknown = No notice with id "{ $id }". The list is under Notices.
desk-web-import-stays-unpublished = The new table stays unpublished; when the results are announced, press "Publish the results" under PAR Index.
desk-web-import-will-unpublish = Note: results are currently published. After the replacement the new table stays unpublished until you press "Publish the results" again.
desk-web-import-nothing-pending = No table is waiting for confirmation. Please upload the table again under PAR Index.
desk-web-import-stale = The table changed since the preview. Please upload the table again to see it.
desk-web-import-done-unpublished = Results are not published: only organizers can see them. To publish, press "Publish the results" under PAR Index.
desk-web-import-refused-footer = Please correct the file and upload it again. For the template, press "Download the score template" under PAR Index.
desk-web-publish-no-table = There is no table to publish. Please upload the score table under PAR Index first.
desk-web-publish-stale = The table changed since you saw the question. Please open PAR Index again to see the new table, then publish.
desk-web-publish-not-yet = The results are not published yet. Press "Publish the results" under PAR Index to publish them.
desk-web-publish-units-without-delegates = { $count } units have no delegate on the bot yet and received nothing: { $units }. They can see their result on the conference's public page.
desk-web-checkin-onbehalf-not-scheduled = Cannot check in on behalf: the conference time is not set yet. Check-in opens 60 minutes before the start and closes at the end.
desk-scores-template = Download the score template (.xlsx, with the communes' names)
desk-reception-unit-count = { $present }/{ $expected } present

## The missing notice kind: the message telling the outcome of an action (answer on behalf, account removed…), named on the notice status page
notice-kind-result = Outcome message
desk-web-doc-warn-tba = Time and place are not announced: the letters say “to be announced”. Once the organizers set them, download the letters again.

## The date printed on the letters, chosen on the Downloads page (left out, the date line is left for the office to fill in when signing)
desk-letters-date-label = Date of issue printed on the letters
desk-letters-date-download = Download the letters with this date (.docx)
desk-letters-date-bad = “{ $date }” is not a date: pick a day in the calendar (year-month-day, e.g. 2027-06-01) and download again.

## The Conferences page (src/desk/pages/conferences.ts): the bot's conferences, the one the desk shows, adding and closing one
desk-nav-conferences = Conferences
desk-conference-banner = Working on: { $title }.
desk-conference-banner-link = Change conference
desk-conference-closed = This conference is closed: its figures can be read, never changed. Nothing was changed. To work, choose a running conference on the Conferences page.
desk-conference-title = Conferences
desk-conference-hint = The bot serves { $count } conference(s). Your desk and your messages work on the one marked; a closed conference's reports, letters, scores and tasks can still be read, never changed.
desk-conference-status = Status
desk-conference-status-running = Running
desk-conference-status-closed = Closed
desk-conference-added-at = Added on
desk-conference-closed-at = Closed on
desk-conference-file = Conference file
desk-conference-id = Conference id
desk-conference-mark-current = You are working on this conference
desk-conference-mark-reading = You are reading this conference (closed, read only)
desk-conference-work = Work on this conference
desk-conference-read = Read this conference (read only)
desk-conference-close = Close the conference
desk-conference-close-title = Close { $title }?
desk-conference-close-line-read = Its reports, letters, lists, scores and tasks can still be read and downloaded.
desk-conference-close-line-never = Once closed, its figures can never change again, not even by the organizers; it cannot be reopened.
desk-conference-close-line-others = Units, delegates and invite codes stay as they are for the other conferences.
desk-conference-add-title = Add a conference
desk-conference-add-hint = Upload a conference file (.yaml, like conferences/phong-tho-2023.yaml). The bot checks it, adds the conference, then sends the new invitation letter to the delegates of the invited units who already joined the bot, without a new invite code.
desk-conference-add-file = Conference file (.yaml or .yml, at most { $mb } MB)
desk-conference-add-button = Check and add the conference
desk-conference-add-empty = No conference file was chosen, or the file chosen is empty. Press "Choose file", pick a .yaml file, then "Check and add the conference". Nothing was changed.
desk-conference-add-type = A conference file is a .yaml or .yml file. Choose the right file and upload it again. Nothing was changed.
desk-conference-file-refused = { $sentence } No conference was added.
desk-conference-added = { $title } was added.
desk-conference-added-told = { $count ->
        [0] No invited unit has a delegate on the bot yet, so no letter was sent through the bot.
       *[other] The new invitation letter was sent to the delegates of { $count } unit(s) (they need no new invite code).
    }
desk-conference-added-without = { $count } unit(s) have nobody on the bot yet: { $units }. They need their invite code to join (Units page).
desk-conference-added-next = To work on the new conference at the desk, press "Work on this conference" on the Conferences page.
desk-web-conference-chosen = From now on your desk and your messages work on { $title }. To change: the Conferences page.
desk-web-conference-unknown = There is no running conference “{ $id }”. The conferences are listed on the Conferences page.

## A closed conference at the desk (src/desk/readonly.ts): the line at the top of each page; the pages are for reading only, no button that changes anything
desk-closed-line = The conference “{ $title }” closed on { $date }: these pages are for reading only, nothing can be changed.
desk-closed-line-undated = The conference “{ $title }” is closed: these pages are for reading only, nothing can be changed.
desk-closed-line-link = Choose a running conference to work on
desk-units-hint-closed = Open a unit to see each seat, its answer, the unit's accounts and invite code.
