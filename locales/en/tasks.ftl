# Tasks after the conference (/tasks): assigning, progress reports, completion, organizers accept or return; deadline reminders, the monthly digest; the tracking sheet.

## Command descriptions
cmd-tasks = Tasks assigned after the conference: see, report progress, report completion (organizers: assign, accept, return)
notice-kind-task = Task reminder

## States (Decision 42/2014/QĐ-TTg)
task-state-done_on_time = done on time
task-state-done_late = done late
task-state-open_on_time = not done (within the deadline)
task-state-open_overdue = not done (overdue)
task-every-none = no periodic report required
task-every-weekly = weekly
task-every-monthly = monthly
task-counts = Total { $total }: done on time { $done_on_time } | done late { $done_late } | not done (within the deadline) { $open_on_time } | not done (overdue) { $open_overdue }
task-criterion-change = Criterion { $code }: { $before } → { $after }/{ $max }

## One task
task-line = No. { $n } ({ $unit }): { $content }{ $criterion ->
        [none] {""}
       *[other] {" "}— criterion { $criterion }
    } — due { $deadline } — { $state }{ $pending ->
        [yes] , reported done, awaiting the organizers
       *[other] {""}
    }
task-detail-title = TASK NO. { $n } — { $unit }
task-detail-content = Task: { $content }
task-detail-supporting = Supporting units: { $units }
task-detail-criterion = Criterion: { $criterion }
task-detail-criterion-score = Criterion: { $code } ({ $year }: { $final }/{ $max } points)
task-detail-deadline = Deadline: { $deadline }{ $when ->
        [today] {" "}(due today)
        [left] {" "}({ $days } days left)
        [overdue] {" "}({ $days } days overdue)
       *[other] {""}
    }
task-detail-expected = Expected result, evidence: { $expected }
task-detail-every = Progress reports: { $every }
task-detail-state = State: { $state }
task-detail-pending = The unit reported it done at { $time }; awaiting the organizers.
task-detail-returned = The organizers returned the completion report at { $time }: { $note }
task-detail-reports = Reports ({ $count }):
task-detail-report = - { $time }, { $kind ->
        [done] completion report
       *[other] progress
    }{ $text ->
        [none] {""}
       *[other] : { $text }
    }{ $files ->
        [0] {""}
       *[other] {" "}(with { $files } evidence files)
    }

## A unit's tasks
task-unit-title = TASKS OF { $unit } ({ $count }):
task-unit-none = { $unit } has no task assigned after the conference.
task-unit-hint = Choose a task to report progress (type a report, send photos as evidence) or report it done. You may also type /tasks NUMBER report text, or /tasks NUMBER done result achieved.
task-unit-hint-organizer = Choose a task to see its details.
task-choice-open = No. { $n }: { $content }
task-choice-progress = Report progress
task-choice-done = Report done
task-report-ask = Please type the progress report of task no. { $n }, or send photos as evidence. When it is done, type "done" with the result achieved.
task-done-ask = Please type the result achieved for task no. { $n } (you may send photos as evidence first, then type the result).
task-progress-saved = Progress report on task no. { $n } recorded (report { $report }{ $files ->
        [0] {""}
       *[other] , with { $files } evidence files
    }). You may send more photos; when it is done, type "done" with the result achieved.
task-done-saved = Completion of task no. { $n } by { $unit } recorded. The organizers will review it and let you know.

## Organizers
task-none-yet = No task has been assigned yet. Assign one: /tasks assign Unit | Task | Criterion | Deadline (e.g. /tasks assign Mường So | Review and publish administrative procedures | 3 | 30/6), or type /tasks assign to be asked step by step.
task-overview-title = TASKS AFTER THE CONFERENCE ({ $count }):
task-overview-unit = - { $unit }: { $counts }
task-overview-overdue = Overdue ({ $count }):
task-overview-awaiting = Completion reports awaiting the organizers ({ $count }):
task-overview-hint = A unit's tasks: /tasks Unit name. One task: /tasks NUMBER. Assign: /tasks assign.
task-choice-review = Review no. { $n } ({ $unit })
task-choice-accept = Accept as done
task-choice-return = Return with a note
task-return-ask = Please type the note returning the completion report of task no. { $n } (what is missing).
task-accepted-done = Task no. { $n } of { $unit } accepted as done ({ $state }); { $sent } accounts of the unit told.
task-returned-done = Completion report of task no. { $n } of { $unit } returned with the note; { $sent } accounts of the unit told.
task-report-title = TASKS AFTER THE CONFERENCE ({ $count })

## Assigning
task-ask-unit = Which unit is the task for? Please type the commune, town or agency (e.g. Mường So).
task-ask-content = Please type the task for { $unit }.
task-ask-criterion = Which criterion does the task serve? The unit's criteria that lost most points come first; you may also type a code (e.g. criterion 3.2), or choose none.
task-ask-criterion-no-scores = Which criterion does the task serve? Type a code (e.g. criterion 3.2), or choose none.
task-criterion-choice = Criterion { $code }. { $name } ({ $final }/{ $max })
task-criterion-none = No criterion
task-ask-deadline = Please type the deadline, e.g. 30/6 or 30/6/2027.
task-confirm = Assign this task?
    Unit: { $unit }
    Task: { $content }
    Criterion: { $criterion ->
        [none] none
       *[other] { $criterion }
    }
    Deadline: { $deadline }
task-choice-assign = Assign
task-choice-cancel = Cancel
task-assign-cancelled = Cancelled; no task assigned.
task-assigned-done = Task no. { $n } assigned to { $unit }, due { $deadline }; { $sent } accounts of the unit told.
task-assigned-nobody = Task no. { $n } assigned to { $unit }, due { $deadline }. The unit has no account on the bot yet: it will see the task when it joins.

## Messages to units and organizers
task-assigned-notice = To { $unit }: the organizers assign task no. { $n }.
    Task: { $content }{ $criterion ->
        [none] {""}
       *[other] {""}
            Criterion: { $criterion }
    }
    Deadline: { $deadline }{ $expected ->
        [none] {""}
       *[other] {""}
            Expected result, evidence: { $expected }
    }
    Progress reports: { $every }
    Type /tasks to see and report.
task-done-reported = { $unit } reports task no. { $n } done: { $content }{ $text ->
        [none] {""}
       *[other] {""}
            Result: { $text }
    }{ $files ->
        [0] {""}
       *[other] {" "}(with { $files } evidence files)
    }
    Type /tasks { $n } to accept it or return it with a note.
task-accepted-notice = To { $unit }: the organizers accepted the result of task no. { $n } ({ $content }): { $state }. Regards.
task-returned-notice = To { $unit }: the organizers return the completion report of task no. { $n } ({ $content }).
    Note: { $note }
    Please complete it and report again (/tasks { $n }).
task-reminder-before = To { $unit }: task no. { $n } ({ $content }) is { $days ->
        [0] due today
       *[other] due in { $days } days
    } ({ $deadline }). Please complete it and report (/tasks { $n }).
task-reminder-overdue = To { $unit }: task no. { $n } ({ $content }) is { $days } days overdue (deadline { $deadline }). Please complete it and report without delay (/tasks { $n }).
task-reminder-report = To { $unit }: please report the progress of task no. { $n } ({ $content }), due { $deadline }; reports { $every } (/tasks { $n }).
task-digest-title = TASKS AFTER THE CONFERENCE — DIGEST OF { $month }
task-digest-units = By unit:
task-digest-unit = - { $unit }: { $counts }
task-digest-overdue = Overdue tasks ({ $count }):
task-digest-overdue-line = - No. { $n }, { $unit }: { $content } (due { $deadline }, { $days } days overdue)
task-digest-awaiting = Completion reports awaiting the organizers: { $count }.

## Refusals
task-no-content = Please write what the task is.
task-too-long = The text is longer than { $max } characters. Please shorten it.
task-bad-criterion = "{ $code }" is not a criterion code. Please write a code such as 3 (field), 3.2 (criterion) or 4.2.1, or leave it empty.
task-bad-deadline = The deadline "{ $text }" could not be read. Please write a date such as 30/6 or 30/6/2027.
task-deadline-past = The deadline { $day } has passed. Please give a day from today on.
task-none = There is no task to assign.
tasks-preview-gone = This preview is no longer open (confirmed, cancelled or replaced by a newer one). Please upload the file again.
task-unknown = Your unit has no task no. { $n }. Type /tasks to see the tasks.
task-already-done = Task no. { $n } has already been accepted as done by the organizers.
task-done-pending = Task no. { $n } was reported done and awaits the organizers. You may still send progress reports and photos.
task-report-empty = Please type a report or send a photo as evidence.
task-return-no-note = Please say why it is returned (what is missing).
task-nothing-to-decide = Task no. { $n } has no completion report awaiting review.
task-decision-stale = Task no. { $n } has just received a new report. Please type /tasks { $n } to see it again, then decide.
task-no-unit = You have not joined as a delegate of any unit. Please use the invite code of your letter (/start CODE).
task-delegate-usage = Please give the task's number: /tasks NUMBER report text, or /tasks NUMBER done result achieved. Type /tasks to see the tasks.
task-organizer-usage = Please type /tasks NUMBER to see it, /tasks NUMBER accept to accept, /tasks NUMBER return Note to return it.
task-assign-usage = Please type: /tasks assign Unit | Task | Criterion | Deadline (the criterion may be empty; several units separated by commas), or /tasks assign to be asked step by step.
task-file-type = Only photos (JPG, PNG) or PDF, Word, Excel files are taken as evidence.
task-file-too-large = The evidence file is larger than { $mb } MB.

## The tracking sheet (.xlsx)
task-sheet-name = Task tracking
task-sheet-title = TASK TRACKING SHEET
task-sheet-as-of = (As of { $date })
task-sheet-col-no = No.
task-sheet-col-unit = Lead unit
task-sheet-col-content = Task
task-sheet-col-criterion = Criterion
task-sheet-col-deadline = Deadline
task-sheet-col-result = Result, evidence
task-sheet-col-state = State
task-sheet-col-change = Criterion's change
task-sheet-supporting = Supporting: { $units }
task-sheet-criterion-score = { $code } ({ $year }: { $final }/{ $max })
task-sheet-expected = Required: { $expected }
task-sheet-last-report = Report of { $time }{ $text ->
        [none] {""}
       *[other] : { $text }
    }{ $files ->
        [0] {""}
       *[other] {" "}({ $files } evidence files)
    }
task-sheet-returned = Returned by the organizers: { $note }
task-sheet-pending = (reported done, awaiting review)

## Importing tasks from a sheet
task-import-refused = The file { $file } was not imported: { $count } errors, no task assigned.
task-import-row = - Row { $line }: { $reason }
task-import-more = - … and { $count } more errors.
task-import-refused-footer = Please correct the rows above and upload the file again.
task-import-preview = File { $file }: { $rows } tasks; confirming assigns { $adds } new tasks.
task-import-preview-row = - { $unit }: { $content }{ $criterion ->
        [none] {""}
       *[other] {" "}— criterion { $criterion }
    } — due { $deadline }
task-import-preview-dup = - { $unit }: { $content } — assigned before, left out
task-err-no-header = no header row found (the columns Lead unit, Task and Deadline are needed).
task-err-no-rows = the file holds no task.
task-err-no-unit = the lead unit is missing.
task-err-unit = there is no unit "{ $unit }" among the conference's units.
task-err-unit-suggest = there is no unit "{ $unit }". Did you mean: { $suggestions }?
task-err-no-content = the task is missing.
task-err-criterion = "{ $code }" is not a criterion code (e.g. 3, 3.2, 4.2.1).
task-err-deadline = the deadline "{ $text }" could not be read (write it as 30/6/2027).
task-err-deadline-past = the deadline "{ $text }" has passed.
task-err-every = "{ $text }" in the reporting column is not understood (leave it empty, "weekly" or "monthly").
task-template-sheet = Tasks
task-template-note-1 = TASKS ASSIGNED AFTER THE CONFERENCE. One task per row; units named as in the conference's list of units (e.g. Mường So).
task-template-note-2 = Criterion as a code (3, 3.2, 4.2.1) or empty; deadline as a date (30/6/2027); reports: empty, "weekly" or "monthly". The sheet "Suggested criteria" lists each unit's criteria that lost most points.
task-template-col-no = No.
task-template-col-unit = Lead unit
task-template-col-supporting = Supporting units
task-template-col-content = Task
task-template-col-criterion = Criterion
task-template-col-deadline = Deadline
task-template-col-expected = Result, evidence
task-template-col-every = Reports
task-template-hints-sheet = Suggested criteria
task-template-hints-unit = Unit
task-template-hints-criteria = Criteria that lost most points (score/max)

## Command line
task-cli-usage = Usage: hoinghi tasks FILE.xlsx; hoinghi import-tasks FILE.xlsx|FILE.csv [--check]; hoinghi tasks-template FILE.xlsx
task-cli-sheet-written = Tracking sheet written to { $file } ({ $count } tasks).
task-cli-nothing-new = No new task: every task of the file was assigned before.
task-cli-imported = { $count } tasks assigned to { $units } units. The messages to the units are queued and go out when the bot runs.
task-cli-template-written = Template written to { $file }.

## The desk: the Tasks page
desk-nav-tasks = Tasks
desk-tasks-title = Tasks after the conference
desk-tasks-counts = Tasks by state (total { $count })
desk-tasks-awaiting = Completion reports awaiting review: { $count }.
desk-tasks-note = Note for returning
desk-tasks-files = { $count } evidence files
desk-tasks-filter-unit = Unit
desk-tasks-filter-state = State
desk-tasks-all = All
desk-tasks-filter = Filter
desk-tasks-none = No task.
desk-tasks-col-n = No.
desk-tasks-col-report = Latest report
desk-tasks-assign = Assign tasks (one per row; rows without a task are skipped)
desk-tasks-assign-button = Assign the tasks
desk-tasks-weakest = Suggestions: each unit's criteria that lost most points (score/max)
desk-tasks-download = Download the task tracking sheet (.xlsx)
desk-tasks-template = Download the task template (.xlsx)
desk-tasks-import = Assign tasks from a sheet
desk-tasks-upload = Choose an .xlsx or .csv file (at most { $mb } MB); every row is checked and previewed before anything is assigned.
desk-tasks-confirm = Confirm: assign { $count } tasks
desk-tasks-assigned = { $count } tasks assigned (no. { $numbers }); the units were told.
desk-tasks-import-cancelled = Cancelled; no task assigned.
desk-tasks-row-incomplete = Row { $row }: the unit or the deadline is missing. No task was assigned.
desk-tasks-row-none = No row holds a task.
desk-tasks-row = Row { $n }

## Assigning: supporting units, periodic reports; evidence through a link (Zalo)
task-confirm-more = Supporting units: { $supporting ->
        [none] none
       *[other] { $supporting }
    }
    Progress reports: { $every }
task-choice-supporting = Add supporting units
task-choice-every-weekly = Weekly progress reports
task-choice-every-monthly = Monthly progress reports
task-choice-every-none = No periodic report
task-ask-supporting = Please type the supporting units separated by commas (for example: District People's Committee Office, Home Affairs Office), or “none”.
task-upload-offer = To send evidence files (photos, PDF, Word, Excel) for task { $n }, open your personal link below and pick the files (valid until { $time }; please do not pass the link on):
    { $url }
desk-tasks-evidence = Evidence:
desk-tasks-col-supporting = Supporting units
desk-tasks-col-every = Periodic reports
task-upload-title = Send a task's evidence
task-upload-heading = Evidence of task { $n } — { $unit }
task-upload-deadline = Deadline: { $deadline }
task-upload-pick = Pick photos or PDF, Word, Excel files as evidence (each up to { $mb } MB, at most { $max } files).
task-upload-send = Send the evidence
task-upload-expires = This link is your unit's own, valid until { $time }. For a new link, type /tasks in the chat with the bot.
