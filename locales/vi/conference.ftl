# Lỗi và thông báo khi đọc tệp hội nghị (src/conference/load.ts, hoinghi validate).

conf-err-type = Tệp hội nghị { $file }, dòng { $line }: trường { $field } phải là { $expected ->
        [string] một đoạn chữ
        [number] một số
        [integer] một số nguyên
        [array] một danh sách (mỗi mục một dòng bắt đầu bằng dấu “-”)
        [object] một nhóm trường con (dạng “tên: giá trị”)
        [boolean] true hoặc false
       *[other] giá trị đúng dạng như tệp mẫu
    }.
conf-err-required = Tệp hội nghị { $file }, dòng { $line }: thiếu trường { $field }, hãy thêm trường này.
conf-err-unknown-field = Tệp hội nghị { $file }, dòng { $line }: trường { $field } không có trong mẫu tệp hội nghị, hãy sửa lại tên trường hoặc xóa dòng này.
conf-err-enum = Tệp hội nghị { $file }, dòng { $line }: trường { $field } không nhận giá trị “{ $value }”, chỉ dùng một trong các giá trị { $values }.
conf-err-too-small = Tệp hội nghị { $file }, dòng { $line }: trường { $field } { $origin ->
        [array] phải có ít nhất { $minimum } mục
        [string] không được để trống
        [number] phải từ { $minimum } trở lên
        [number-above] phải lớn hơn { $minimum }
       *[other] có giá trị quá nhỏ
    }.
conf-err-too-big = Tệp hội nghị { $file }, dòng { $line }: trường { $field } { $origin ->
        [array] chỉ được có nhiều nhất { $maximum } mục
        [string] dài quá { $maximum } ký tự
        [number] không được lớn hơn { $maximum }
        [number-below] phải nhỏ hơn { $maximum }
       *[other] có giá trị quá lớn
    }.
conf-err-format = Tệp hội nghị { $file }, dòng { $line }: trường { $field } { $format ->
        [url] phải là một địa chỉ web đầy đủ, bắt đầu bằng “https://”
       *[other] không đúng dạng
    }.
conf-err-offset = Tệp hội nghị { $file }, dòng { $line }: trường { $field } phải là khoảng thời gian trước giờ khai mạc, ví dụ “24h”, “1d”, “90m” hoặc “2d 12h”.
conf-err-at = Tệp hội nghị { $file }, dòng { $line }: trường { $field } phải là ngày giờ dạng “2027-06-18 17:00” hoặc ngày dạng “2027-06-18”.
conf-err-start = Tệp hội nghị { $file }, dòng { $line }: trường { $field } phải là ngày giờ dạng “2027-06-20 14:00”, hoặc null khi chưa thông báo.
conf-err-id = Tệp hội nghị { $file }, dòng { $line }: mã “{ $value }” ở trường { $field } chỉ được gồm chữ thường không dấu, chữ số, dấu “-” và dấu “_”.
conf-err-duplicate-unit = Tệp hội nghị { $file }, dòng { $line }: mã đơn vị “{ $id }” ở trường { $field } đã dùng cho một đơn vị khác, mỗi đơn vị cần một mã riêng.
conf-err-unknown-unit = Tệp hội nghị { $file }, dòng { $line }: trường { $field } ghi đơn vị “{ $id }” nhưng danh sách units không có đơn vị nào mang mã này.
conf-err-invalid = Tệp hội nghị { $file }, dòng { $line }: trường { $field } có giá trị không hợp lệ, hãy đối chiếu với tệp mẫu.
conf-err-empty = Tệp hội nghị { $file } trống hoặc không gồm các trường dạng “tên: giá trị”, hãy đối chiếu với tệp mẫu.
conf-err-yaml = Tệp hội nghị { $file }, dòng { $line }, cột { $column }: sai cú pháp YAML (mã lỗi { $detail }), hãy kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép.
conf-err-read = Không đọc được tệp hội nghị { $file } (mã lỗi { $reason }), hãy kiểm tra đường dẫn và quyền đọc tệp.

conf-file-ok = Tệp hội nghị { $file } hợp lệ: “{ $title }”, { $units } đơn vị được mời, { $agenda } nội dung chương trình.
conf-err-mapping = Tệp hội nghị { $file }: không dùng được tệp đối chiếu đơn vị hành chính cũ – mới { $mapping } ở trường { $field } (lỗi: { $reason }), hãy kiểm tra đường dẫn (tính từ thư mục của tệp hội nghị) và nội dung tệp.

# Các loại đơn vị cấp xã mà hội nghị mời, ghép lại ("xã, thị trấn" của huyện; "xã, phường" của tỉnh từ năm 2025): $localUnits trong các câu.
local-units-default = xã, thị trấn
local-units-commune = xã
local-units-ward = phường
local-units-special_zone = đặc khu
local-units-town = thị trấn
# Cấp của cơ quan tổ chức hội nghị (trường level): "toàn { $bodyLevel }", "cơ quan, đơn vị { $bodyLevel }".
level-district = huyện
level-province = tỉnh

## Nhiều hội nghị trên một bot (/hoinghi; commands/conference-router.ts, commands/conferences.ts)
cmd-conference = Các hội nghị: xem, chọn hội nghị làm việc
conference-which = Đồng chí đang được mời dự { $count } hội nghị. Đồng chí làm việc với hội nghị nào? Gõ số để chọn (bot ghi nhớ, đổi lại bằng /hoinghi).
conference-chosen = Từ nay bot hiểu các tin nhắn của đồng chí cho { $title }. Đổi hội nghị: gõ /hoinghi.
conference-list-title = Các hội nghị ({ $count }):
conference-mark-current = đang làm việc
conference-mark-closed = đã kết thúc, chỉ xem
conference-switch-ask = Chọn hội nghị khác để làm việc:
conference-list-organizer-hint = Kết thúc một hội nghị: gõ /hoinghi dong <số>. Thêm hội nghị mới: trên trang Ban tổ chức hoặc lệnh hoinghi conference add.
conference-close-ask = Kết thúc { $title }? Sau khi kết thúc, số liệu của hội nghị chỉ để xem, không thay đổi được nữa.
conference-close-yes = Kết thúc hội nghị
conference-close-no = Không, để tiếp tục
conference-close-kept = Hội nghị vẫn tiếp tục; không có gì thay đổi.
conference-closed = Đã kết thúc { $title }. Số liệu, báo cáo, giấy mời và nhiệm vụ của hội nghị vẫn xem được, không thay đổi nữa.
conference-closed-readonly = { $title } đã kết thúc: thông tin chỉ để xem, không ghi nhận thay đổi. Gõ /hoinghi để chọn hội nghị đang diễn ra.
conference-close-organizers = Chỉ Ban tổ chức kết thúc được hội nghị.
conference-not-named = Chưa rõ đồng chí chọn hội nghị nào. Gõ /hoinghi để xem danh sách { $count } hội nghị, rồi gõ số thứ tự.
conference-unknown = Không có hội nghị “{ $id }” đang diễn ra. Gõ /hoinghi để xem danh sách.
conference-exists = Đã có hội nghị mã “{ $id }” ({ $title }); mỗi hội nghị một mã riêng (dòng id trong tệp hội nghị).
conference-already-closed = { $title } đã kết thúc từ trước; không có gì thay đổi.
conference-invited =
    Kính gửi đồng chí,
    { $body } trân trọng kính mời { $unit } dự { $title }.
    Thời gian: { $time }
    Địa điểm: { $place }
    Đơn vị đăng ký người dự ({ $seats } vị trí) trước { $deadline }: gõ /dangky.
    Giấy mời của đơn vị gửi kèm. Đồng chí đã tham gia bot từ hội nghị trước, không cần nhập lại mã mời.
    Trân trọng.
conference-invited-tba = sẽ thông báo sau
conference-choose-no-account = Bot chưa biết tài khoản của đồng chí nên chưa ghi nhớ được lựa chọn: đồng chí nhắn cho bot một tin (ví dụ /start) rồi chọn lại.
conference-close-open-tasks = Lưu ý: hội nghị còn { $count } nhiệm vụ chưa hoàn thành; sau khi kết thúc, các đơn vị không báo cáo tiến độ các nhiệm vụ này được nữa.
conference-which-file = Tệp “{ $name }” đồng chí vừa gửi chưa được ghi nhận: sau khi chọn hội nghị, đồng chí vui lòng gửi lại.
conference-which-file-kept = Bot đã giữ lại tệp “{ $name }” đồng chí vừa gửi: sau khi đồng chí chọn hội nghị, tệp được ghi nhận cho hội nghị đó, không cần gửi lại.
conference-which-press = Bot đã giữ lại nút đồng chí vừa bấm và xử lý ngay sau khi đồng chí chọn hội nghị.
conference-which-press-again = Nút đồng chí vừa bấm chưa được ghi nhận: sau khi chọn hội nghị, đồng chí vui lòng bấm lại.
conference-press-gone = Nút “{ $label }” đồng chí bấm lúc bot hỏi hội nghị nào không còn hiệu lực với { $title } nên chưa được ghi nhận: đồng chí vui lòng gõ lại lệnh để có các nút của hội nghị này.
conference-which-press-stale = Nút đồng chí vừa bấm thuộc một tin nhắn cũ, không còn hiệu lực: sau khi chọn hội nghị, đồng chí vui lòng gõ lại lệnh để có các nút mới.
