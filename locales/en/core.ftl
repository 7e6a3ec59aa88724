# General bot messages (English, second locale).

fmt-datetime = { $hour }:{ $minute }, { $weekday }, { $day }/{ $month }/{ $year }
fmt-date = { $day }/{ $month }/{ $year }
fmt-time = { $hour }:{ $minute }
fmt-weekday-0 = Sunday
fmt-weekday-1 = Monday
fmt-weekday-2 = Tuesday
fmt-weekday-3 = Wednesday
fmt-weekday-4 = Thursday
fmt-weekday-5 = Friday
fmt-weekday-6 = Saturday

cmd-start = Start; with an invite code, join as your unit's delegate
cmd-help = The commands you can use
cmd-agenda = The conference programme: time, place, items
cmd-participants = Who takes part
cmd-documents = Conference documents
cmd-schedule = Set or change time and place (organizers)
cmd-invites = List, issue and revoke invite codes; list and remove a unit's accounts (organizers)
cmd-cancel = Cancel what you are in the middle of

start-greeting = Hello { $name }! This is the assistant of { $title }.
start-you-guest = You are browsing as a guest. If your unit was invited, type /start with the code from the invitation (for example: /start 7KQ2M-X9D4R).
start-you-delegate = You are a delegate of { $unit }.
start-you-organizer = You are one of the organizers.
start-help = Type /help for the commands, /agenda for the programme.
join-unit = Confirmed: you joined as a delegate of { $unit }.
join-organizer = Confirmed: you are now registered as an organizer.
code-wrong = That invite code is not right. Please check the code in the invitation or contact the organizers{ $contact }.
code-malformed = An invite code has 10 letters and digits (for example: 7KQ2M-X9D4R). Please type it again: /start CODE.
code-revoked = This invite code has been revoked. Please ask the organizers{ $contact } for a new one.
code-slow-down = Too many wrong codes. Please try again in { $seconds } seconds.

help-title-guest = Commands for guests:
help-title-delegate = Commands for delegates:
help-title-organizer = Commands for organizers:
help-footer = When the bot offers numbered choices, just type the number. Type /cancel to stop what you are in the middle of.

agenda-body = Organized by: { $body }
agenda-time = Time: { $time } ({ $duration })
agenda-time-tba = Time: to be announced ({ $expected })
agenda-place = Place: { $place }
agenda-place-tba = Place: to be announced (planned: { $planned })
agenda-chair = Chair: { $chair }
agenda-items-title = Agenda:

participants-title = Participants:
participants-unit-none = Your unit ({ $unit }) has not confirmed attendance yet.
participants-unit-answered = Your unit ({ $unit }) has answered for { $answered } of { $seats } invited seats.
participants-unit-hint = Type /rsvp to confirm attendance.

documents-title = Conference documents:
documents-none = No documents have been published yet.

schedule-current = Current time and place:
schedule-usage = Usage: /schedule DATE TIME | PLACE, for example: /schedule 20/06/2027 14:00 | District hall (either part may be left out).
schedule-bad-date = Could not read the date "{ $text }". Please write DAY/MONTH/YEAR HOUR:MINUTE, for example 20/06/2027 14:00.
schedule-in-past = { $time } has already passed. Please choose a time in the future.
schedule-place-too-long = The place is too long (at most { $max } characters). Please shorten it.
schedule-saved = Time and place saved:
schedule-change-time = Time: { $before } → { $after }
schedule-change-place = Place: { $before } → { $after }

invites-title = Invite codes of the units (send each only to its unit):
invites-organizer = Organizers
invites-usage = New code: /invites new UNIT NAME. Revoke: /invites revoke UNIT NAME. A unit's accounts: /invites UNIT NAME. For the organizers' code write "organizer" instead of a unit.
invites-reissued = New code issued for { $unit }: { $code }. The old code no longer works.
invites-revoked = The invite code of { $unit } is revoked. Use /invites new to issue another.
invites-none-active = { $unit } has no active invite code.

choice-stale = That choice no longer applies. Please type the command again to see the current choices.
choice-out-of-range = Please choose a number from 1 to { $max }.
cancel-done = Cancelled.
cancel-nothing = There is nothing to cancel.

unit-unknown = No unit "{ $query }" was found. Type /participants, or write the commune, town or agency name.
unit-unknown-suggest = No unit "{ $query }" was found. Did you mean: { $suggestions }?

not-allowed-delegate = This command is for delegates of invited units. Please type /start with your unit's invite code.
not-allowed-organizer = This command is for the organizers only.

unknown-command = There is no command { $command }. Type /help for the commands.
hint-free-text = The bot understands commands only. Type /help to see what you can do.
hint-empty = The message is empty. Type /help for the commands.
file-not-expected = The bot does not need a file or picture right now. Type /help for the commands.
file-too-large = The file is too large (at most { $mb } MB). Please send a smaller file.
file-wrong-type = This kind of file is not accepted here. Type /help for guidance.
error-too-long = The text is too long (at most { $max } characters). Please shorten it and send it again.
error-control-chars = The message contains invalid control characters. Please type it again as plain text.
error-not-saved = The change could not be saved because of a system error; nothing was recorded. Please try again in a few minutes.
error-internal = Sorry, something went wrong. Please try again later or contact the organizers{ $contact }.
error-no-args = The command { $command } takes nothing after it. Please type just { $command }.
participants-duties-own = Your unit's preparation duties (from the plan):
participants-duties-all = Preparation duties:

# Lines of a message built from several (a unit's result): no words of their own.
lines-one = { $line }
lines-join =
    { $head }
    { $tail }
lines-indent = {"   "}{ $line }
