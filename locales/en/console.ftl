# Console channel and the hoinghi command.
console-welcome = Conference bot — terminal channel for trying it out. Type commands as on Telegram/Zalo (for example /agenda). Type :role to switch role, :quit to leave.
console-choose-role = Which role do you want to try?
    1. Guest
    2. Delegate of a unit
    3. Organizer
    Type the number:
console-ask-unit = Type the unit's name (for example: Mường So):
console-unit-unknown = No unit "{ $query }" was found. Please type the commune, town or agency name again.
console-you-are = You are now: { $name }.
console-name-guest = Guest
console-name-organizer = Organizer
console-name-delegate = Delegate of { $unit }
console-choose-number = (Type a number to choose)
console-file-saved = File saved: { $file }
console-incoming = [Message to { $name }]

cli-usage = Usage: hoinghi [start | init | chat | invites [--json] | validate FILE | import-scores FILE [--publish | --previous] | score-template FILE | export FILE.xlsx | invitations FOLDER [--date YYYY-MM-DD] | checkin-poster FILE.png/.pdf [--a3] | sign-in-list FILE.docx | desk-link | broadcast "TEXT" | analysis FILE.docx | minutes FILE.docx | conclusions FILE.docx | tasks FILE.xlsx | import-tasks FILE [--check] | tasks-template FILE.xlsx | conference add FILE | conference list [--json] | conference close ID]
cli-unknown-command = There is no command "{ $command }". { cli-usage }
cli-missing-file = A file path is missing. { cli-usage }
cli-store-corrupt = The data file { $file } cannot be read: { $reason }. It was left as it is; restore it from { $file }.bak or move it away, then start again.
cli-config-error = The configuration is wrong: { $detail }
cli-not-available = The command "{ $command }" is not available in this version.
cli-invites-title = Invite codes of the units:
cli-channels-none = Neither TELEGRAM_BOT_TOKEN nor ZALO_BOT_TOKEN is set: opening the console channel to try the bot.
cli-channel-started = Channel { $channel } started ({ $mode }).
cli-store-locked = The data file { $file } is held by the running bot (process { $pid }), and this command needs it to itself. Letters, the poster, the export and importing scores work while the bot runs; for this command, use the chat with the bot, or stop the bot (e.g. sudo systemctl stop hoinghi) and run it again.
