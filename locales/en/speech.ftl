# Assigned speeches (/thamluan, /xong), speech review (/duyet) and voluntary speaking (/phatbieu).

## Command descriptions
cmd-speech = Your unit's assigned speech: topic, deadline, status; submit it
cmd-speech-part = One part of a speech being written
cmd-done = Finish and submit the speech being written
cmd-review = Read and review the units' speeches (organizers)
cmd-speak = Register to speak in the discussion

## Speech: information, status
speech-title = Speech of { $unit }
speech-topic = Topic: speech { $topic }
speech-deadline = Deadline: { $deadline }
speech-deadline-over = Deadline: { $deadline } (passed)
speech-deadline-tba = Deadline: to be announced (it follows the opening date)
speech-status-not-submitted = Status: not submitted.
speech-status-submitted = Status: version { $n } submitted at { $time }, waiting for the organizers' review.
speech-status-changes = Status: the organizers ask for changes to version { $n }: “{ $note }”
speech-status-accepted = Status: the organizers accepted version { $n }.
speech-versions-kept = Versions submitted: { $count } (all of them are kept).
speech-how = To submit: type the speech (one or several messages), then type /xong. You may also send a Word, PDF, ODT or TXT file (up to 10 MB) or photos of the pages. Type /huy to stop.
speech-how-again = To submit a new version: type the text (one or several messages) then /xong, or send a file or photos of the pages. Earlier versions are kept. Type /huy to stop.
speech-collecting-now = You are writing a speech: { $parts } parts received. Send more, or type /xong to submit, /huy to drop it.
speech-closed = The speech deadline has passed. Please contact the organizers{ $contact } if you need to submit more.

## Speech: received
speech-saved = Speech of { $unit } received: version { $n } ({ $what }). The organizers will read it and answer through the bot.
speech-what-text = text, { $chars } characters
speech-what-document = file “{ $name }”
speech-what-photos = { $pages } page photos{ $chars ->
        [0] {""}
       *[other] , with { $chars } characters of text
    }
speech-part-received = Part { $n } received. Send more, or type /xong when you have sent everything.
speech-page-received = Photo of page { $page } received. Send the other pages, or type /xong when you have sent everything.
speech-still-collecting = The parts you sent before ({ $parts }) are still kept: type /xong to submit them as the next version, or /huy to drop them.
speech-new-version = New speech: { $unit } submitted version { $n } ({ $what }) at { $time }. Type /duyet { $id } to read and review it.

## Speech: bad input
speech-no-unit = This command is for delegates of a unit assigned a speech. Please type /start with your unit's invite code.
speech-not-assigned = { $unit } has no assigned speech at this conference; to speak in the discussion, please type /phatbieu with your topic.
speech-deadline-passed = The speech deadline has passed ({ $deadline }); please contact the organizers{ $contact } if you need to submit more.
speech-empty = The speech is empty; please type its text, or send a file or photos of the pages.
speech-too-long = The speech is too long ({ $length } characters, at most { $max }); please shorten it or send it as a file.
speech-part-too-long = This part makes the speech longer than { $max } characters (it has { $length } already); please shorten it, or type /huy and send it as a file.
speech-part-empty = This message has no text; please type the next part of the speech, or /xong to submit.
speech-busy = You are writing a speech ({ $parts } parts not yet submitted); please type /xong to submit or /huy to drop it before submitting another version.
speech-not-collecting = You have not started writing a speech; type /thamluan to see how to submit.
speech-nothing-collected = There is nothing to submit yet; please type /thamluan and send the speech before typing /xong.
speech-file-type = A speech file must be Word (.docx, .doc), PDF, ODT or TXT, or photos of the pages; please send the right kind of file.
speech-file-too-large = The file is too large (at most { $mb } MB); please send a smaller file.
speech-file-empty = The file is empty; please send it again.

## Notices to the unit after a review
speech-review-accepted = The organizers accepted the speech (version { $n }) of { $unit }. Thank you.
speech-review-changes = The organizers ask { $unit } to revise its speech (version { $n }):
    “{ $note }”
    Please type /thamluan to submit the revised version.

## Speech review (organizers)
review-list-title = Speeches of the assigned units:
review-list-choose = Choose a number to read a unit's speech.
review-none-assigned = This conference assigns no speeches.
review-label-not-submitted = { $unit }: not submitted
review-label-submitted = { $unit }: version { $n } submitted, waiting for review
review-label-changes = { $unit }: changes asked to version { $n }
review-label-accepted = { $unit }: version { $n } accepted
review-header = Speech of { $unit }, version { $n }/{ $total }, submitted at { $time } ({ $by }).
review-page = Page { $page }/{ $pages }
review-choose = The organizers' decision on version { $n }:
review-accept = Accept
review-changes = Ask for changes
review-ask-note = Please type the changes you ask { $unit } to make to version { $n } (at most { $max } characters), or /huy to stop.
review-accepted = Version { $n } of the speech of { $unit } accepted.
review-changes-sent = The request for changes to version { $n } was sent to { $unit }.
review-told = { $count } accounts of the unit were told.
review-told-none = No account of the unit could be told through the bot; please tell the unit directly.
review-usage = Usage: /duyet UNIT NAME to read; /duyet UNIT NAME chapnhan to accept; /duyet UNIT NAME sua NOTE to ask for changes.
review-not-assigned = { $unit } has no assigned speech; type /duyet to see the assigned units.
review-nothing = { $unit } has not submitted a speech yet, so there is nothing to review.
review-stale = { $unit } has submitted a newer version (version { $n }); please type /duyet { $id } to read it before reviewing.
review-already-accepted = Version { $n } of { $unit } was already accepted.
review-note-too-long = The request for changes is too long (at most { $max } characters); please shorten it.
review-file-missing = The stored file of this version ({ $name }) could not be read; please tell the system administrator.

## Voluntary speaking
speak-ask-topic = Please type what { $unit } wishes to raise in the discussion (at most { $max } characters), or /huy to stop.
speak-saved = { $unit } is registered to speak: “{ $topic }” (position { $position }). Type /phatbieu rut to withdraw.
speak-too-long = The topic is too long ({ $length } characters, at most { $max }); please make it shorter.
speak-empty = The topic is empty (only characters that cannot be shown); please type what you wish to speak about, at most { $max } characters.
speak-duplicate = { $unit } has already registered this topic; type /phatbieu to see the registrations.
speak-no-unit = Registering to speak is for delegates of invited units; please type /start with your unit's invite code.
speak-mine-title = Registrations to speak of { $unit }:
speak-mine-item = { $topic } (position { $position }, registered at { $time })
speak-mine-choose = Choose a number to withdraw a registration, or register another topic:
speak-withdraw-label = Withdraw: { $topic }
speak-add-label = Register another topic
speak-withdrawn = Registration withdrawn: “{ $topic }”.
speak-nothing-to-withdraw = { $unit } has no registration to withdraw.
speak-not-found = This registration was not found (it may have been withdrawn); type /phatbieu to see the list.
speak-list-title = Units registered to speak, in order of registration ({ $count }):
speak-list-empty = No unit has registered to speak yet.
speak-list-item = { $unit }: { $topic } ({ $by }, { $time })
