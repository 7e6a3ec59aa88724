# A store file refused at start-up (storage/validate.ts, rendered by src/app/cli.ts): one sentence, the file untouched.
cli-store-invalid = Bot chưa khởi động được vì tệp dữ liệu { $file } có mục không hợp lệ, { $path }: { $problem }; tệp được giữ nguyên, đồng chí vui lòng sửa mục này hoặc khôi phục bản sao lưu rồi chạy lại.
cli-store-not-ours = Bot chưa khởi động được vì tệp { $file } không phải tệp dữ liệu của bot (không có schemaVersion và không có mục dữ liệu nào của bot); tệp được giữ nguyên, đồng chí vui lòng chuyển tệp này đi nơi khác hoặc đặt DATA_DIR sang thư mục khác rồi chạy lại.
cli-store-problem-type = cần { $expected } nhưng tệp ghi { $received }
cli-store-problem-missing = thiếu mục này (cần { $expected })
cli-store-problem-value = giá trị { $value } không thuộc các giá trị được phép ({ $allowed })
cli-store-problem-empty = không được để trống
cli-store-problem-negative = không được là số âm
cli-store-problem-time = cần một thời điểm theo ISO 8601 (ví dụ 2027-06-20T07:00:00.000Z) nhưng tệp ghi { $value }
cli-store-problem-other = giá trị không hợp lệ
cli-store-kind-null = null
cli-store-kind-list = một danh sách
cli-store-kind-object = một đối tượng
cli-store-kind-string = một chuỗi ký tự
cli-store-kind-number = một số
cli-store-kind-integer = một số nguyên
cli-store-kind-boolean = true hoặc false
cli-store-kind-missing = không có gì
