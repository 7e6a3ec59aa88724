# Conversations that never dead-end (issue 12): every question of the bot takes the natural answer.

## Mistyped commands
unknown-command-suggest = There is no command { $command }. Did you mean one of these? Type its number:

## Check-in by person
checkin-who-attend = { $name } (attending)
checkin-who-substitute = { $name } (substitute)
checkin-who-none = no name registered
checkin-done-whose = This seat is registered for { $who }. If that is not you, please tell the organizers at the reception desk.
checkin-which-seat = { $unit } has { $count } seats not checked in yet. Which seat are you checking in for?
checkin-seat-absent = Seat { $seat } of { $unit } was reported absent (reason: { $reason }). If you are replacing that person, please ask the organizers at the reception desk to record you.
checkin-seat-taken = Seat { $seat } is already checked in. Please choose another seat or ask the organizers at the reception desk.
checkin-onbehalf-usage = Organizers check in on behalf: /diemdanh UNIT NAME SEAT NUMBER (or the registered name), e.g. /diemdanh Mường So 2. The board: /diemdanh tinhhinh.
checkin-onbehalf-seat-unknown = No seat “{ $query }” in { $unit }. Please give the seat number or the registered name: { $seats }.
checkin-onbehalf-done = Checked in on behalf: { $unit }, seat { $seat }, { $who }, at { $time }. Recorded by { $by } (organizers).
checkin-onbehalf-taken = Seat { $seat } of { $unit } was already checked in at { $time } ({ $name }); nothing added.
checkin-onbehalf-not-scheduled = Cannot check in on behalf: the conference time is not set yet (/datlich). Check-in opens 60 minutes before the start and closes at the end.
checkin-onbehalf-not-open = Check-in is not open yet; the organizers check people in on their behalf while check-in is open, from { $opens }.
checkin-onbehalf-closed = The conference ended at { $closes }; no more check-ins on behalf.
checkin-board-title = CHECK-IN BOARD (at { $time })
checkin-board-present = Present: { $present }/{ $expected } expected (every invited seat except those reported absent; { $unanswered } of them not answered).
checkin-board-by-unit = By unit (present/expected):
checkin-board-unit = - { $unit }: { $present }/{ $expected }
checkin-board-nobody-title = Units nobody from has checked in ({ $count }):
checkin-board-substitutes-title = Substitutes present ({ $count }):
checkin-board-substitute = - { $unit }, { $seat }: { $name }
checkin-board-none = (none)
checkin-board-latest-title = Latest arrivals ({ $count }):
checkin-board-arrival = - { $time }: { $unit }, { $seat }, { $name }
report-checkin-onbehalf = { $name }, recorded by the organizers: { $by }
report-checkin-onbehalf-organizers = { $name }, recorded by the organizers

## Organizers answer on behalf
rsvp-by-organizer = the organizers ({ $name })
rsvp-by-organizers = The organizers
rsvp-organizer-no-unit = Organizers answer for a unit: /dangky UNIT NAME SEAT NUMBER thamdu|thay|vang …, e.g. /dangky Nậm Xe 2 vang Ốm. This works after the deadline too.
rsvp-onbehalf-usage = Please give the seat number and the answer for { $unit }, e.g. /dangky Nậm Xe 2 vang Ốm. Seats: { $seats }.
rsvp-onbehalf-saved = Recorded (by the organizers, { $by }): { $unit }, seat { $seat }: { $answer }.
rsvp-onbehalf-told = { $count } accounts of the unit were told.
rsvp-onbehalf-nobody = The unit has no account on the bot yet; please tell it by phone or letter.
rsvp-onbehalf-notice = Dear { $unit }: { $who } recorded an answer for seat { $seat }: { $answer }. If this is not right, please tell the organizers{ $contact }. Kind regards.
rsvp-changed-by-other = The answer you gave for { $unit }, seat { $seat } ({ $before }) was just replaced by { $who } with: { $after }. Type /dangky to see it.

## Moving units, a unit's accounts
join-move-ask = Your account is a delegate of { $from }. The invite code you typed is for { $to }. Do you want to move to { $to }?
join-move-yes = Yes, move to { $to }
join-move-no = No, stay with { $from }
join-moved = Your account left { $from }.
invites-channel-telegram = Telegram
invites-channel-zalo = Zalo
invites-channel-console = console
invites-account-line = { $name } ({ $channel }, joined { $joined })
invites-accounts-title = Accounts of { $unit } on the bot ({ $count }):
invites-accounts-none = { $unit } has no account on the bot yet.
invites-accounts-remove-ask = Remove which account from the unit? (Type /huy to remove none.)
invites-remove-one = Remove account { $n }: { $name }
invites-revoked-accounts = { $unit } still has { $count } accounts that joined with the old code. Remove them too?
invites-remove-all = Remove all { $count } accounts
invites-keep-accounts = Keep the accounts, show the list
invites-account-gone = This account no longer belongs to { $unit }. Type /mamoi with the unit name for the current list.
invites-removed = Removed { $count } accounts from { $unit }: { $names }.
invites-removed-notice = The organizers removed your account from { $unit }. If this is a mistake, or to join again, please contact the organizers{ $contact } for an invite code. Kind regards.

## Contact
contact-line = Contact the organizers: { $name } ({ $position }), phone: { $phone }.
contact-line-short = Contact the organizers: { $name }, phone: { $phone }.
contact-phone-tba = to be announced

## Common questions (free text)
faq-when-more = The full agenda: /chuongtrinh.
faq-documents = The conference has { $count } documents.
faq-documents-more = Type /tailieu for the list and the links.
faq-deadline-rsvp = RSVP deadline: { $deadline } (type /dangky to answer).
faq-deadline-speech = Speech deadline: { $deadline } (type /thamluan for the topic and to submit).
faq-deadline-tba = counted from the opening time, to be announced
faq-rsvp = To answer, type /dangky and choose for each seat: attend, send a substitute, or absent (with the reason).
faq-rsvp-guest = To answer, first type the invite code from the invitation letter (e.g. /start 7KQ2M-X9D4R), then /dangky.
