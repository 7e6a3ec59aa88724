# The `hoinghi` command line: arguments a subcommand does not take (src/app/cli.ts).
cli-argument-unknown = The "{ $command }" command has no option { $arg }.
cli-argument-needs-value = The option { $arg } of "{ $command }" needs a value.
cli-argument-no-value = The option { $arg } of "{ $command }" takes no value.
cli-argument-extra = The "{ $command }" command does not take "{ $arg }".

# `hoinghi conference add|list|close` (src/app/cli-conferences.ts): the conferences one bot serves.
cli-conference-usage = Usage: hoinghi conference add FILE.yaml (adds a conference: the bot serves it at once, delegates who joined the bot get the new invitation letter and need no new code) | hoinghi conference list [--json] (every conference, running ones first) | hoinghi conference close ID (closes it for good: its data is read only from then on). The other hoinghi commands (invitations, export, import-scores, …) act on the conference of the CONFERENCE_FILE file; both sample conferences start that way, e.g. CONFERENCE_FILE=conferences/lai-chau-2025.yaml npx hoinghi invitations letters/.
cli-conference-action-unknown = The "conference" command has no action "{ $action }".
cli-conference-missing-file = The conference file's path is missing.
cli-conference-missing-id = The conference's id is missing (the first column of hoinghi conference list).
cli-conference-list-title = Conferences ({ $count }), running ones first:
cli-conference-row = { $id } · { $status } · { $title } · { $when } · file { $file }
cli-conference-status-running = Running
cli-conference-status-closed = Closed
cli-conference-added-on = added on { $date }
cli-conference-closed-on = closed on { $date }
cli-conference-primary = (the conference of CONFERENCE_FILE)
cli-conference-list-hint = The other hoinghi commands act on the conference of CONFERENCE_FILE; to work on another conference, set CONFERENCE_FILE to its file.
cli-conference-added = Conference “{ $id }” ({ $title }) added: it is running, the bot serves it at once.
cli-conference-told =
    { $count ->
        [0] No unit the conference invites has a delegate who joined the bot yet, so no invitation was sent through the bot.
        [one] The new invitation letter was sent through the bot to the delegates of 1 unit who joined before (no new code needed).
       *[other] The new invitation letter was sent through the bot to the delegates of { $count } units who joined before (no new code needed).
    }
cli-conference-told-offline = The bot is not running: these letters wait in the outbox, and the bot sends them as soon as it starts.
cli-conference-without = { $count } units have nobody on the bot yet: { $units }. Their letters go on paper, with the invite code: CONFERENCE_FILE={ $file } npx hoinghi invitations FOLDER.
cli-conference-closed = Conference “{ $id }” ({ $title }) is closed and cannot be reopened. Its data is read only from now on: the bot records no more changes (answers, speeches, check-ins, scores, tasks); reports, letters and the workbook can still be printed with the hoinghi commands and CONFERENCE_FILE={ $file }. The conference file as it was at closing is kept at { $frozen }.
cli-conference-unknown = No running conference “{ $id }”. The list: npx hoinghi conference list.
