# A store file refused at start-up (storage/validate.ts, rendered by src/app/cli.ts): one sentence, the file untouched.
cli-store-invalid = Bot chưa khởi động được vì tệp dữ liệu { $file } có mục không hợp lệ, { $path }: { $problem }; tệp được giữ nguyên, đồng chí vui lòng sửa mục này hoặc khôi phục bản sao lưu rồi chạy lại.
cli-store-not-ours = Bot chưa khởi động được vì tệp { $file } không phải tệp dữ liệu của bot (không có schemaVersion và không có mục dữ liệu nào của bot); tệp được giữ nguyên, đồng chí vui lòng chuyển tệp này đi nơi khác hoặc đặt DATA_DIR sang thư mục khác rồi chạy lại.
store-problem-type = cần { $expected } nhưng tệp ghi { $received }
store-problem-missing = thiếu mục này (cần { $expected })
store-problem-value = giá trị { $value } không thuộc các giá trị được phép ({ $allowed })
store-problem-empty = không được để trống
store-problem-negative = không được là số âm
store-problem-other = giá trị không hợp lệ
store-kind-null = null
store-kind-list = một danh sách
store-kind-object = một đối tượng
store-kind-string = một chuỗi ký tự
store-kind-number = một số
store-kind-integer = một số nguyên
store-kind-boolean = true hoặc false
store-kind-missing = không có gì
