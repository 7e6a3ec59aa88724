# The conference's conclusions (Nghị định 30/2020/NĐ-CP, Annex III, form 1.4): draft, comments, issue (/conclusions, the desk, hoinghi conclusions).

## Command description
cmd-conclusions = The conference's conclusions: the issued notice and your unit's tasks; comment on the draft (organizers: the draft's status, comments, acknowledgements)
notice-kind-conclusions = Conclusions

## Document (.docx)
conclusions-kind = NOTICE
conclusions-summary = Conclusions of { $chair } at the { $title }
conclusions-default-issuer = Office of the District People's Council and People's Committee
conclusions-default-header = OFFICE OF THE DISTRICT / COUNCIL AND COMMITTEE
conclusions-header-parent = PEOPLE'S COMMITTEE OF { $body }
conclusions-default-signer = P.P. CHIEF OF OFFICE / DEPUTY CHIEF OF OFFICE
conclusions-draft-mark = DRAFT
conclusions-draft-comments = (Sent to the bodies and units for comments before { $day })
conclusions-opening = On { $day }, at { $place }, { $chair } chaired the { $title }. { $present } of { $invited } invited delegates attended, from { $unitsPresent } of { $units } bodies, units and communes.
conclusions-opening-no-day = { $chair } chaired the { $title }. { $present } of { $invited } invited delegates attended, from { $unitsPresent } of { $units } bodies, units and communes.
conclusions-heard = Having heard the analysis of the Administrative Reform Index and the delegates' contributions, { $chair } concluded as follows:
conclusions-part-heading = { $n }. { $title }
conclusions-part-assessment = Assessment of the results
conclusions-part-shortcomings = Shortcomings and their causes
conclusions-part-solutions = Tasks and solutions ahead
conclusions-part-tasks = Tasks assigned to each body
conclusions-part-empty = (This part is not written yet.)
conclusions-tasks-lead = The bodies, units and communes carry out the following tasks and report their results on time:
conclusions-task-unit = { $letter }) { $unit }:
conclusions-task = { $content }. Due: { $deadline }.
conclusions-task-criterion = { $content } (criterion { $criterion }). Due: { $deadline }.
conclusions-closing = The { $issuer } issues this notice for the bodies and units to know and carry out./.
conclusions-recipient-units = The bodies, units and communes

## Refusals
conclusions-issued-locked = The conclusions were issued (no. { $number } of { $day }) and can no longer be changed.
conclusions-too-many-parts = The conclusions have at most { $max } added parts.
conclusions-part-no-title = An added part needs a title.
conclusions-title-too-long = A part's title is longer than { $max } characters.
conclusions-part-too-long = Each part of the conclusions has at most { $max } characters.
conclusions-empty = The draft has no assessment of the results yet: please write that part first.
conclusions-no-units = Please choose at least one unit to ask for comments.
conclusions-deadline-past = { $day } has passed: please choose a day from today on.
conclusions-bad-deadline = The comments' deadline is not a day (e.g. 28/6/2027).
conclusions-comment-empty = Please type your comment after /conclusions gopy.
conclusions-comment-too-long = A comment has at most { $max } characters.
conclusions-no-consultation = The draft conclusions are not out for comments.
conclusions-not-asked = The draft conclusions were not sent to your unit for comments.
conclusions-no-unit = You do not belong to a unit yet: type your unit's invite code before commenting.
conclusions-bad-number = The number is digits (and letters), at most 12 characters, e.g. 125.
conclusions-bad-day = The day of issue is not a day (e.g. 25/6/2027).
conclusions-day-future = The day of issue { $day } has not come yet.

## Notices to the units
conclusions-notice-draft =
    To { $unit }: the organizers send the draft conclusions of the conference (attached) and ask for your comments before { $deadline }.
    To comment: type /conclusions gopy and your comment.
conclusions-notice-issued =
    To { $unit }: notice no. { $number } of { $day }, the conclusions of the conference (attached). Your unit's tasks, listed first in the copy sent to you:
    { $tasks }
    See again: /conclusions
conclusions-notice-issued-none = To { $unit }: notice no. { $number } of { $day }, the conclusions of the conference (attached), for your unit to know and carry out. See again: /conclusions
conclusions-comment-notice = { $unit } comments on the draft conclusions: { $text }

## Chat (/conclusions)
conclusions-none = The conference's conclusions have not been issued yet.
conclusions-issued-title = CONCLUSIONS no. { $number } of { $day } (attached).
conclusions-unit-tasks = Tasks assigned to { $unit } ({ $count }):
conclusions-unit-task = { $n }. { $content } — due { $deadline }
conclusions-unit-no-tasks = The conclusions assign no task of its own to { $unit }.
conclusions-asked = The draft conclusions (attached) are out for comments; { $unit } is asked to comment before { $deadline }.{ $comments ->
        [0] {""}
       *[other] {" "}Your unit has commented { $comments } times.
    }
conclusions-comment-choice = Comment on the draft
conclusions-comment-ask = Please type your comment on the draft conclusions (one message).
conclusions-comment-saved = The comment of { $unit } on the draft conclusions is recorded; the organizers will consider it before issuing.
conclusions-status-draft = CONCLUSIONS — draft: { $written } parts written; the tasks part has { $tasks } tasks.
conclusions-status-comments = CONCLUSIONS — draft out for comments until the end of { $deadline }: { $written } parts written; { $tasks } tasks.
conclusions-status-issued = CONCLUSIONS — issued, no. { $number } of { $day }.
conclusions-status-asked = Sent for comments to { $units } units: { $acked } acknowledged, { $commented } commented.
conclusions-status-unit = - { $unit }: { $acked ->
        [0] not acknowledged
       *[other] acknowledged
    }{ $comments ->
        [0] {""}
       *[other] , { $comments } comments
    }
conclusions-status-comments-title = The units' comments ({ $count }):
conclusions-status-comment = - { $unit } ({ $time }){ $late ->
        [yes] {" "}[late]
       *[other] {""}
    }: { $text }
conclusions-status-sent = Sent to { $units } units: { $acked } acknowledged.
conclusions-status-missing = Not acknowledged: { $units }
conclusions-status-hint = Write, send for comments and issue on the desk (/web, section Conclusions).
conclusions-usage = Usage: /conclusions (see); /conclusions gopy <comment> (units asked for comments).

## Desk
desk-nav-conclusions = Conclusions
desk-conclusions-title = The conference's conclusions
desk-conclusions-stage-draft = Draft, not sent for comments.
desk-conclusions-stage-comments = Draft out for comments until the end of { $deadline }.
desk-conclusions-stage-issued = Issued, no. { $number } of { $day }; it can no longer be changed.
desk-conclusions-edit = The parts of the notice
desk-conclusions-extra = Added part { $n }
desk-conclusions-extra-title = Title
desk-conclusions-extra-text = Text
desk-conclusions-parts-hint = Each line is a paragraph; a line starting with "-" is a bullet. The opening (day, place, chair, delegates) and the tasks part (from Tasks) are filled in for you.
desk-conclusions-save = Save the draft
desk-conclusions-saved = The draft conclusions are saved.
desk-conclusions-preview = Preview
desk-conclusions-download = Download (.docx)
desk-conclusions-download-unit = A unit's copy:
desk-conclusions-comments = The units' comments
desk-conclusions-no-comments = No comments yet.
desk-conclusions-late = late
desk-conclusions-ask = Send for comments
desk-conclusions-ask-units = Units asked for comments (ticked: the units with tasks)
desk-conclusions-ask-deadline = Comments before
desk-conclusions-ask-button = Send the draft for comments
desk-conclusions-asked = The draft was sent to { $units } units for comments before { $deadline }.{ $without ->
        [0] {""}
       *[other] {" "}{ $without } units nobody has joined yet will get it once someone joins: { $names }.
    }
desk-conclusions-issue = Issue
desk-conclusions-issue-number = Number
desk-conclusions-issue-day = Day of issue
desk-conclusions-issue-button = Issue…
desk-conclusions-confirm-what = Issue notice no. { $number }/{ $symbol } of { $day }.
desk-conclusions-confirm-sent = Each unit receives its own copy (its tasks first) with an "Acknowledge" button: { $units } units have someone joined.
desk-conclusions-confirm-final = Once issued, the notice keeps its number, day and text; it can no longer be changed.
desk-conclusions-issued = Notice no. { $number } of { $day } issued; sent to { $units } units.{ $without ->
        [0] {""}
       *[other] {" "}{ $without } units nobody has joined yet will get it once someone joins: { $names }.
    }
desk-conclusions-reach = Units that acknowledged
desk-conclusions-col-unit = Unit
desk-conclusions-col-acked = Acknowledged
desk-conclusions-col-comments = Comments
desk-conclusions-acked = { $acked }/{ $accounts } accounts
desk-conclusions-preview-title = Preview of the conclusions

## Command line
cli-conclusions-missing-file = The file name is missing: hoinghi conclusions FILE.docx
cli-conclusions-done-issued = Conclusions no. { $number } written to { $file }.
cli-conclusions-done-draft = The draft conclusions (not issued) written to { $file }.
cli-conclusions-usage = Usage: hoinghi conclusions FILE.docx (the issued conclusions, or the draft while not issued)

## Comments as files (through the unit's personal upload link)
conclusions-comment-file-type = A comment file may only be a Word file (.docx, .doc), a PDF or a photo (JPG, PNG).
conclusions-comment-file-too-large = Each comment file may be at most { $mb } MB; an empty file is not taken.
conclusions-comment-no-file = You have not picked a file; please pick the comment file, then press “Send comment”.
conclusions-comment-file-notice = { $unit } commented on the draft conclusions with { $files } file(s) ({ $names }); read and download them on the desk, Conclusions.
conclusions-status-comment-files = [{ $files } file(s): { $names }]
desk-conclusions-file-size = { $kb } KB
desk-conclusions-by-file = comment as a file
