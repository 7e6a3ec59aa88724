# A store file refused at start-up (storage/validate.ts, rendered by src/app/cli.ts): one sentence, the file untouched.
cli-store-invalid = The bot did not start because the data file { $file } has an invalid entry, { $path }: { $problem }; the file was left as it is, please correct this entry or restore a backup and start again.
cli-store-not-ours = The bot did not start because { $file } is not a data file of this bot (it has no schemaVersion and none of the bot's collections); the file was left as it is, please move it away or set DATA_DIR to another folder and start again.
store-problem-type = { $expected } expected but the file has { $received }
store-problem-missing = this entry is missing ({ $expected } expected)
store-problem-value = the value { $value } is not one of those allowed ({ $allowed })
store-problem-empty = it must not be empty
store-problem-negative = it must not be negative
store-problem-other = the value is not valid
store-kind-null = null
store-kind-list = a list
store-kind-object = an object
store-kind-string = a string
store-kind-number = a number
store-kind-integer = an integer
store-kind-boolean = true or false
store-kind-missing = nothing
