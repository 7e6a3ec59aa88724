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
checkin-board-title = CHECK-IN BOARD (at { $time })
checkin-board-present = Present: { $present }/{ $expected } registered attendees and substitutes (checked in overall: { $all }).
checkin-board-by-unit = By unit (present/registered):
checkin-board-unit = - { $unit }: { $present }/{ $expected }
checkin-board-nobody-title = Units nobody from has checked in ({ $count }):
checkin-board-substitutes-title = Substitutes present ({ $count }):
checkin-board-substitute = - { $unit }, { $seat }: { $name }
checkin-board-none = (none)
report-checkin-onbehalf = { $name }, recorded by the organizers: { $by }
