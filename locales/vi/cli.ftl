# The `hoinghi` command line: arguments a subcommand does not take (src/app/cli.ts).
cli-argument-unknown = Lệnh "{ $command }" không có tùy chọn { $arg }.
cli-argument-needs-value = Tùy chọn { $arg } của lệnh "{ $command }" cần một giá trị đi kèm.
cli-argument-no-value = Tùy chọn { $arg } của lệnh "{ $command }" không nhận giá trị.
cli-argument-extra = Lệnh "{ $command }" không nhận thêm "{ $arg }".
