# The `hoinghi` command line: arguments a subcommand does not take (src/app/cli.ts).
cli-argument-unknown = The "{ $command }" command has no option { $arg }.
cli-argument-needs-value = The option { $arg } of "{ $command }" needs a value.
cli-argument-no-value = The option { $arg } of "{ $command }" takes no value.
cli-argument-extra = The "{ $command }" command does not take "{ $arg }".
