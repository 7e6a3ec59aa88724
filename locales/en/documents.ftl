# Invitation letters, the check-in poster, the list of delegates (printed documents).

cmd-invitations = Invitation letters (.docx) of every unit, each with the unit's invite code and QR codes (organizers)

## Invitation letter (Decree 30/2020/ND-CP, form 1.7)
doc-national = SOCIALIST REPUBLIC OF VIET NAM
doc-motto = Independence - Freedom - Happiness
doc-number = No.: { $number }/{ $symbol }
doc-place-date = { $place }, { $day }/{ $month }/{ $year }
doc-invitation-title = INVITATION
doc-summary = To attend the { $title }
doc-to = To: { $unit }.
doc-invite-intro = { $body } has the honour to invite:
doc-seat-line = - { $seat };
doc-seat-last = - { $seat }.
doc-invite-to = To attend the { $title }.
doc-chair = Chaired by: { $chair }.
doc-time = Time: { $time }.
doc-time-duration = { $time } ({ $duration })
doc-time-tba = Time: to be announced ({ $expected }).
doc-time-tba-plain = Time: to be announced.
doc-place = Place: { $place }.
doc-place-tba = Place: to be announced (planned: { $planned }).
doc-place-tba-plain = Place: to be announced.
doc-duty-speech = { $unit } is asked to prepare a speech { $topic } and send it to the organizers { $how }, { $deadline }.
doc-duty-open = { $open } Units that wish to speak please register { $how }.
doc-duty-open-plain = Units that wish to speak at the conference please register { $how }.
doc-rsvp = { $unit } is asked to confirm who attends { $how }, { $deadline }.
doc-deadline-before-start = at the latest { $offset } before the start
doc-deadline-at = before { $time }
doc-offset-d = { $n } days
doc-offset-h = { $n } hours
doc-offset-m = { $n } minutes
doc-contact = For any details please contact: { $who }, phone: { $phone }.
doc-closing = We look forward to your attendance, in full and on time./.
doc-recipients-title = Recipients:
doc-recipients-as-above = As above
# The record copy kept by the office (Nơi nhận's last line), when the conference file names no recipients.
doc-recipient-archive = Archived: Office
doc-recipient-line = - { $recipient };
doc-recipient-last = - { $recipient }.
doc-box-code = Invite code of { $unit }:
doc-box-telegram = Telegram: scan, press “Start”
doc-box-zalo = Zalo: scan, type the code
doc-box-type = Type to the conference's bot: /start { $code }
doc-box-keep = The code is shared by the unit's officers; please keep it within the unit.
doc-box-commands-speech = then /dangky: confirm attendance; /thamluan: send the speech.
doc-box-commands-open = then /dangky: confirm attendance; /phatbieu: register to speak.
# The date line while the office dates the letters when it signs and numbers them.
doc-place-date-blank = { $place }, …/…/20…
# A time as a letter writes it.
doc-datetime = { $hour }:{ $minute }, { $weekday }, { $day }/{ $month }/{ $year }
doc-session-morning = morning
doc-session-afternoon = afternoon
doc-session-day = all day
# How a unit answers, in words (the commands are printed only in the code box).
doc-how = through the conference's Zalo or Telegram
doc-how-code = through the conference's Zalo or Telegram, with the code below
# The conference file's "Các đơn vị còn lại chủ động …" addressed to one unit.
doc-duty-open-unit = { $unit } is asked to { $open } Units that wish to speak please register { $how }.
doc-contact-who = { $name } ({ $position })
doc-contact-no-phone = For any details please contact: { $who }.

## Notes for the organizers
doc-invitations-caption = Invitation letters of { $count } units, each its own letter with its invite code and QR codes.
doc-warn-late = Note: the letters are dated { $issued }, only { $days } working days before the start ({ $start }); Decision 45/2018/QD-TTg asks for invitations at least 3 working days before a meeting.
doc-warn-no-links = TELEGRAM_BOT_USERNAME or ZALO_BOT_LINK is not set: the letters carry the invite code but no QR code.
doc-warn-tba = Time and place are not announced: the letters say “to be announced”. After setting them (/datlich), type /giaymoi to print them again.
doc-cli-missing-dir = Missing folder: npx hoinghi invitations <folder>
doc-cli-write-failed = Could not write to { $dir } (error { $reason }); check the folder and its permissions.
doc-cli-done = Wrote { $count } invitation letters to { $dir }: one file per unit and the combined file { $all }.

## Check-in poster
poster-title = CHECK-IN
poster-code-label = Check-in code
poster-telegram = Telegram: scan the QR code with a phone
poster-zalo = Zalo: message the conference's Zalo bot: /diemdanh { $code }
poster-any = Or type to the bot: /diemdanh { $code }
poster-issued = Code issued { $issued }; once the organizers change the code, this poster no longer works.
poster-caption = Check-in poster (code { $code }): show it on the hall screen or print it on A4. Changing the code (/diemdanh moi) makes the old poster stop working.
poster-no-code = There is no check-in code yet. Organizers type /diemdanh to issue one, then /diemdanh poster for the poster.
poster-cli-missing-file = Missing file: npx hoinghi checkin-poster <file.png|file.pdf>
poster-cli-extension = The file { $file } must end in .png or .pdf.
poster-cli-done = Wrote the check-in poster { $file } (code { $code }).

## List of delegates (signatures)
list-title = LIST OF DELEGATES
list-made = (Made { $time })
list-count-title = Check-in count
list-count-total = Present: { $present }/{ $expected } delegates expected ({ $seats } invited seats, { $absent } absent with notice).
list-col-count = Present/expected
list-col-missing = Not yet present
list-missing-seat = { $seat } ({ $name })
cmd-attendance-list = The list of delegates to sign (.docx), with who is present by unit (organizers)
list-caption = List of delegates: { $present }/{ $expected } expected delegates present.
list-col-no = No.
list-col-unit = Unit
list-col-seat = Invited seat
list-col-name = Full name
list-col-position = Position
list-col-present = Check-in
list-col-sign = Signature
list-col-reason = Reason for absence
list-substitute = (substitute)
list-unanswered = (not confirmed)
list-present-at = present { $time }
list-absent-title = DELEGATES ABSENT WITH NOTICE
list-absent-none = None.

## The /xuat workbook in print
export-sheet-scores = Administrative reform index
export-col-rank = Rank
export-col-total = Total
export-col-max = Maximum
export-col-percent = Share (%)
export-col-class = Classification
export-printed = Printed { $time }
export-page = Page { $page } of { $pages }
export-sheet-speech-versions = Speech versions
export-col-version = Version
export-col-version-kind = Form
export-col-content = Content (or file name)
export-col-submitted-by = Sent by
export-col-review = Review
export-version-kind-text = Text
export-version-kind-document = File
export-version-kind-photo = Photos
export-version-continued = { $n } (continued, part { $part } of { $parts })
export-made = Exported { $time }

## Letters: more notes for the organizers (days off, past deadlines, undated letters)
doc-warn-late-undated = Note: sent today ({ $issued }), the letters leave only { $days } working days before the start ({ $start }); Decision 45/2018/QD-TTg asks for invitations at least 3 working days before a meeting.
doc-warn-moved-rsvp = The answer deadline ({ $from }) falls on a day off: the letters print the working day before, { $to }; the bot still takes answers until { $from }.
doc-warn-moved-speech = The speech deadline ({ $from }) falls on a day off: the letters print the working day before, { $to }; the bot still takes speeches until { $from }.
doc-warn-passed-rsvp = The answer deadline printed on the letters ({ $at }) has passed: correct it in the conference file before sending the letters.
doc-warn-passed-speech = The speech deadline printed on the letters ({ $at }) has passed: correct it in the conference file before sending the letters.

## List of delegates: more (page numbers, who made it, the command line)
list-count-all-absent = Absent
list-made-by = PREPARED BY
list-made-by-hint = (Signature and full name)
list-page = Page { $page }/{ $pages }
list-cli-missing-file = Missing file: npx hoinghi sign-in-list <file.docx>
list-cli-extension = The file { $file } must end in .docx.
list-cli-done = Wrote the list of delegates { $file }: { $present }/{ $expected } expected delegates present.
doc-cli-date = The date { $date } is not valid: write it as YEAR-MONTH-DAY, for example --date 2027-06-01.
# Under the Zalo QR code of the poster (the bot's link: the person then types the code).
poster-zalo-qr = Zalo: scan, then type /diemdanh { $code }
export-see-versions = … (the full text is on the sheet “Speech versions”)

## Ranking chart: the district, source and date, rank changes
chart-title-place = Administrative Reform Index { $year }, communes and town of { $place }
chart-place-province = { $place }, { $province } province
chart-source = Source: { $body }, published { $date }.
chart-source-preview = Source: { $body }, table imported { $date } (not published).
chart-moved-legend = ▲▼ rank against last year
