# Communes' remediation plans after the Administrative Reform Index is published (/remedy)
cmd-remedy = Remediation plan after the index is published: criteria to address, deadline, submit the plan (organizers: track, review, remind, turn into tasks)

## To the communes
remedy-request = To { $unit }: the Administrative Reform Index has been published. Please assess the results and draw up a remediation plan (measures to improve the index), and send it to the organizers through the bot before { $deadline }.
remedy-reminder = To { $unit }: the organizers have not yet received your remediation plan. Please send it through the bot before { $deadline }.
remedy-deadline-none = a deadline the organizers will announce
remedy-headings-title = The criteria where your unit lost most points, proposed as the plan's headings:
remedy-heading-line = - { $kind ->
        [field] Field
       *[other] Criterion
    } { $label }: { $final }/{ $max }, { $lost } points lost
remedy-request-how = Type /remedy to see how to submit the plan.
remedy-review-accepted = The organizers accepted the remediation plan (version { $n }) of { $unit }. Thank you.
remedy-review-changes = The organizers ask { $unit } to revise its remediation plan (version { $n }):
    “{ $note }”
    Please type /remedy to submit the revised version.

## To the organizers
remedy-new-version = New remediation plan: { $unit } submitted version { $n } at { $time } ({ $measures } measures read). Type /remedy { $id } to read and review it.

## /remedy for a unit
remedy-title = REMEDIATION PLAN — { $unit }
remedy-deadline-line = Deadline: { $deadline }.
remedy-deadline-line-over = Deadline: { $deadline } (passed).
remedy-deadline-line-none = Deadline: announced by the organizers once the index is published.
remedy-how = How to submit: type the measures, one per line, under the heading of the criterion each improves, for example:
    { $kind ->
            [field] Field
           *[other] Criterion
        } { $code }:
    - First measure
    - Second measure
    You may send one or several messages; type “done” when finished. You may also send a Word or PDF file (up to 10 MB) or photos of the pages. Type /remedy drop to drop what you are writing.
remedy-how-no-files = How to submit: type the measures, one per line, under the heading of the criterion each improves, for example:
    { $kind ->
            [field] Field
           *[other] Criterion
        } { $code }:
    - First measure
    - Second measure
    You may send one or several messages; type “done” when finished. You may also send photos of the pages. Type /remedy drop to drop what you are writing.
remedy-upload-offer = If the plan is a Word or PDF file or photos on your phone, open your unit's personal upload link below and pick the file (valid until { $time }; please do not pass the link on) — { $unit }:
    { $url }
remedy-closed = The deadline for remediation plans has passed. To submit late, please contact the organizers{ $contact }.
remedy-collecting-now = Your unit is writing its plan ({ $parts } parts sent). Send more, or type “done” to submit; /remedy drop to drop it.
remedy-choose = Submit a new version?
remedy-choice-new = Submit a new version
remedy-part-received = Part { $n } of the plan received. Send more, or type “done” to submit.
remedy-draft-dropped = The plan being written was dropped; versions already submitted are kept.
remedy-saved = Remediation plan of { $unit } received: version { $n }{ $measures ->
        [0] {""}
       *[other] , { $measures } measures
    }. The organizers will review it and reply through the bot.

## /remedy for the organizers
remedy-list-title = REMEDIATION PLANS OF THE COMMUNES
remedy-counts = { $total } units: submitted, awaiting review { $submitted } | changes asked { $changes } | accepted { $accepted } | not submitted { $none }
remedy-list-choose = Choose a unit to read its plan, or remind those that have not submitted:
remedy-choice-remind = Remind { $count } units that have not submitted
remedy-header = Remediation plan of { $unit }, version { $n }/{ $total }, submitted at { $time } ({ $by }).
remedy-measures-title = Measures read ({ $count }):
remedy-measure-line = { $n }. { $text }{ $criterion ->
        [none] {""}
       *[other] {" "}— criterion { $criterion }
    }{ $task ->
        [0] {""}
       *[other] {" "}(assigned: task { $task })
    }
remedy-measures-none-read = No measure could be read from this version (a file or photos): assign tasks with /tasks assign.
remedy-choice-tasks = Turn measures into tasks
remedy-accepted = Remediation plan (version { $n }) of { $unit } accepted.
remedy-changes-sent = Request for changes to the remediation plan (version { $n }) sent to { $unit }.
remedy-ask-note = Please type what { $unit } should change in its plan (version { $n }).
remedy-ask-tasks = The plan of { $unit } has { $count } measures. Please type the numbers of the measures to turn into tasks and the deadline, for example: 1, 3 | 31/12 (or: all | 31/12).
remedy-tasks-usage = Please type the measures' numbers and the deadline separated by |, for example: 1, 3 | 31/12/2027.
remedy-tasks-done = { $count } tasks assigned to { $unit }, due { $deadline }; { $sent } accounts of the unit told.
remedy-task-made = - Task { $n }: { $content }{ $criterion ->
        [none] {""}
       *[other] {" "}(criterion { $criterion })
    }
remedy-remind-nobody = Every commune has submitted its remediation plan; no reminder needed.
remedy-remind-sent = { $units } units without a remediation plan reminded ({ $accounts } accounts reached).
remedy-report-title = REMEDIATION PLANS ({ $deadline })

## Remediation plans: wrong input
remedy-not-a-commune = This command is for delegates of the communes (who submit remediation plans) and the organizers.
remedy-not-yet = The index has not been published yet; remediation plans are submitted after publication.
remedy-deadline-passed = The deadline for remediation plans has passed ({ $deadline }); to submit late, please contact the organizers{ $contact }.
remedy-remind-deadline-passed = The deadline for remediation plans has passed ({ $deadline }): no more reminders. The units without a plan are listed in /remedy.
remedy-empty = The plan is empty; please type the measures.
remedy-note-missing = Please say what should be changed.
remedy-stale = { $unit } has just submitted version { $n }; please read the new version first.
remedy-measures-none = No measure chosen to turn into tasks.
remedy-measure-unknown = There is no measure { $n } (the plan has { $count }).
remedy-measures-already-tasks = Every measure chosen is already a task.
remedy-report-missing = Not submitted: { $units }.

## The upload page (Zalo)
remedy-upload-title = Submit the remediation plan
remedy-upload-send = Send the plan
remedy-upload-expires = This link is your unit's own, valid until { $time }. For a new link, type /remedy in the chat with the bot.

## The desk: remediation plans
desk-nav-remedy = Remediation
desk-remedy-title = Remediation plans of the communes
desk-remedy-counts = Remediation plans ({ $total } units)
desk-remedy-col-status = Plan
desk-remedy-col-at = Submitted at
desk-remedy-all = All units
desk-remedy-none = The unit has not submitted a plan.
desk-remedy-criterion = criterion { $code }
desk-remedy-tasked = assigned: task { $n }
desk-remedy-make-tasks = Turn the measures chosen into tasks
desk-remedy-deadline-missing = Please choose the tasks' deadline.
desk-remedy-col-unit = Unit
