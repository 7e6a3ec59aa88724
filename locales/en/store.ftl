# A store file refused at start-up (storage/validate.ts, rendered by src/app/cli.ts): one sentence, the file untouched.
cli-store-invalid = The bot did not start because the data file { $file } has an invalid entry, { $path }: { $problem }; the file was left as it is, please correct this entry or restore a backup and start again.
cli-store-not-ours = The bot did not start because { $file } is not a data file of this bot (it has no schemaVersion and none of the bot's collections); the file was left as it is, please move it away or set DATA_DIR to another folder and start again.
cli-store-problem-type = { $expected } expected but the file has { $received }
cli-store-problem-missing = this entry is missing ({ $expected } expected)
cli-store-problem-value = the value { $value } is not one of those allowed ({ $allowed })
cli-store-problem-empty = it must not be empty
cli-store-problem-negative = it must not be negative
cli-store-problem-time = an ISO 8601 time expected (for example 2027-06-20T07:00:00.000Z) but the file has { $value }
cli-store-problem-other = the value is not valid
cli-store-kind-null = null
cli-store-kind-list = a list
cli-store-kind-object = an object
cli-store-kind-string = a string
cli-store-kind-number = a number
cli-store-kind-integer = an integer
cli-store-kind-boolean = true or false
cli-store-kind-missing = nothing
