# Errors and notices when reading a conference file (src/conference/load.ts, hoinghi validate).

conf-err-type = Conference file { $file }, line { $line }: field { $field } must be { $expected ->
        [string] text
        [number] a number
        [integer] a whole number
        [array] a list (one item per line, each starting with “-”)
        [object] a group of fields (“name: value”)
        [boolean] true or false
       *[other] a value of the form shown in the sample file
    }.
conf-err-required = Conference file { $file }, line { $line }: field { $field } is missing, please add it.
conf-err-unknown-field = Conference file { $file }, line { $line }: field { $field } is not part of a conference file, please correct its name or delete the line.
conf-err-enum = Conference file { $file }, line { $line }: field { $field } cannot be “{ $value }”, use one of { $values }.
conf-err-too-small = Conference file { $file }, line { $line }: field { $field } { $origin ->
        [array] needs at least { $minimum } { $minimum ->
            [one] item
            [number-above] must be more than { $minimum }
       *[other] items
        }
        [string] must not be empty
        [number] must be { $minimum } or more
       *[other] is too small
    }.
conf-err-too-big = Conference file { $file }, line { $line }: field { $field } { $origin ->
        [array] may have at most { $maximum } items
        [string] is longer than { $maximum } characters
        [number] must not be more than { $maximum }
        [number-below] must be less than { $maximum }
       *[other] is too large
    }.
conf-err-format = Conference file { $file }, line { $line }: field { $field } { $format ->
        [url] must be a full web address starting with “https://”
       *[other] is not in the expected form
    }.
conf-err-offset = Conference file { $file }, line { $line }: field { $field } must be a time before the start such as “24h”, “1d”, “90m” or “2d 12h”.
conf-err-at = Conference file { $file }, line { $line }: field { $field } must be a date and time like “2027-06-18 17:00” or a date like “2027-06-18”.
conf-err-start = Conference file { $file }, line { $line }: field { $field } must be a date and time like “2027-06-20 14:00”, or null while it is to be announced.
conf-err-id = Conference file { $file }, line { $line }: the id “{ $value }” in field { $field } may only contain lower-case letters without diacritics, digits, “-” and “_”.
conf-err-duplicate-unit = Conference file { $file }, line { $line }: the unit id “{ $id }” in field { $field } is already used by another unit, each unit needs its own id.
conf-err-unknown-unit = Conference file { $file }, line { $line }: field { $field } names the unit “{ $id }”, but no unit in the units list has that id.
conf-err-invalid = Conference file { $file }, line { $line }: field { $field } has a value that is not valid, please compare it with the sample file.
conf-err-empty = Conference file { $file } is empty or does not consist of “name: value” fields, please compare it with the sample file.
conf-err-yaml = Conference file { $file }, line { $line }, column { $column }: the YAML cannot be read (error { $detail }), please check the indentation, colons and quotes.
conf-err-read = Conference file { $file } cannot be read (error { $reason }), please check the path and the file's permissions.

conf-file-ok = Conference file { $file } is valid: “{ $title }”, { $units } invited units, { $agenda } agenda items.
conf-err-mapping = Conference file { $file }: the mapping of old to new administrative units { $mapping } in field { $field } cannot be used (error: { $reason }); check the path (relative to the conference file's folder) and the file's content.

# The kinds of local units the conference invites, joined ("communes and the town" of a district; "communes, wards" of a province from 2025): $localUnits in sentences.
local-units-default = communes and the town
local-units-commune = communes
local-units-ward = wards
local-units-special_zone = special zones
local-units-town = the town
# The level of the body holding the conference (field level): "the whole { $bodyLevel }".
level-district = district
level-province = province

## Many conferences on one bot
cmd-conference = Conferences: list, choose the one to work on
conference-which = You are invited to { $count } conferences. Which one do you work on? Type its number (remembered; change it with /hoinghi).
conference-chosen = From now on your messages are for { $title }. To change: /hoinghi.
conference-list-title = Conferences ({ $count }):
conference-mark-current = current
conference-mark-closed = closed, read only
conference-switch-ask = Choose another conference to work on:
conference-list-organizer-hint = To close a conference: /hoinghi dong <number>. To add one: the organizers' desk or hoinghi conference add.
conference-close-ask = Close { $title }? Once closed, its data can be read but never changed.
conference-close-yes = Close the conference
conference-close-no = No, keep it running
conference-close-kept = The conference keeps running; nothing changed.
conference-closed = { $title } is closed. Its figures, reports, letters and tasks can still be read, never changed.
conference-closed-readonly = { $title } is closed: read only, nothing is recorded. Type /hoinghi to choose a running conference.
conference-close-organizers = Only organizers can close a conference.
conference-not-named = Which conference? Type /hoinghi to see the { $count } conferences, then the number.
conference-unknown = No running conference “{ $id }”. Type /hoinghi for the list.
conference-exists = A conference with id “{ $id }” ({ $title }) exists already; each conference needs its own id (the id line of its file).
conference-already-closed = { $title } was closed already; nothing changed.
conference-invited =
    Dear colleague,
    { $body } invites { $unit } to { $title }.
    Time: { $time }
    Place: { $place }
    Please name who attends ({ $seats } seats) before { $deadline }: type /dangky.
    The unit's letter of invitation is attached. You joined the bot for an earlier conference: no new code is needed.
conference-invited-tba = to be announced
conference-choose-no-account = The bot does not know your account yet, so it cannot remember the choice: send the bot one message (for example /start), then choose again.
conference-close-open-tasks = Note: { $count } tasks of this conference are not done; once it is closed, the units can no longer report on them.
conference-which-file = The file “{ $name }” you just sent is not kept yet: once you chose the conference, please send it again.
conference-which-file-kept = The bot kept the file “{ $name }” you just sent: once you chose the conference, it is filed for that conference; no need to send it again.
conference-which-press = The bot kept the button you just pressed and handles it as soon as you chose the conference.
conference-which-press-again = The button you just pressed is not taken yet: once you chose the conference, please press it again.
conference-press-gone = The button “{ $label }” you pressed while the bot asked which conference no longer applies to { $title }, so it was not taken: please type the command again to get this conference's buttons.
conference-which-press-stale = The button you just pressed belongs to an older message and no longer applies: once you chose the conference, please type the command again to get new buttons.
