# Thông điệp chung của bot (tiếng Việt, mặc định).

## Ngày giờ, viết như văn bản hành chính: "14 giờ 00, thứ Năm, ngày 20/6/2024"
fmt-datetime = { $hour } giờ { $minute }, { $weekday }, ngày { $day }/{ $month }/{ $year }
fmt-date = { $day }/{ $month }/{ $year }
fmt-time = { $hour } giờ { $minute }
fmt-weekday-0 = Chủ nhật
fmt-weekday-1 = thứ Hai
fmt-weekday-2 = thứ Ba
fmt-weekday-3 = thứ Tư
fmt-weekday-4 = thứ Năm
fmt-weekday-5 = thứ Sáu
fmt-weekday-6 = thứ Bảy

## Mô tả lệnh (trợ giúp, menu Telegram)
cmd-start = Bắt đầu; kèm mã mời để tham gia với tư cách đại biểu của đơn vị
cmd-help = Các lệnh đồng chí có thể dùng
cmd-agenda = Chương trình hội nghị: thời gian, địa điểm, nội dung
cmd-participants = Thành phần tham dự
cmd-documents = Tài liệu hội nghị
cmd-schedule = Đặt hoặc thay đổi thời gian, địa điểm (Ban tổ chức)
cmd-invites = Xem, cấp mới, thu hồi mã mời; xem, gỡ tài khoản của đơn vị (Ban tổ chức)
cmd-cancel = Hủy thao tác đang làm dở

## Chào hỏi và tham gia
start-greeting = Xin chào { $name }! Đây là trợ lý điện tử của { $title }.
start-you-guest = Đồng chí đang xem với tư cách khách. Nếu đơn vị của đồng chí được mời, hãy gõ /start kèm mã mời ghi trong giấy mời (ví dụ: /start 7KQ2M-X9D4R).
start-you-delegate = Đồng chí là đại biểu của { $unit }.
start-you-organizer = Đồng chí thuộc Ban tổ chức hội nghị.
start-help = Gõ /trogiup để xem các lệnh, /chuongtrinh để xem chương trình hội nghị.
join-unit = Xác nhận: đồng chí đã tham gia với tư cách đại biểu của { $unit }.
join-organizer = Xác nhận: đồng chí đã được ghi nhận là thành viên Ban tổ chức.
code-wrong = Mã mời không đúng. Vui lòng kiểm tra lại mã trong giấy mời hoặc liên hệ Ban tổ chức{ $contact }.
code-malformed = Mã mời gồm 10 ký tự chữ và số (ví dụ: 7KQ2M-X9D4R). Vui lòng gõ lại: /start MÃ-MỜI.
code-revoked = Mã mời này đã bị thu hồi. Vui lòng liên hệ Ban tổ chức{ $contact } để nhận mã mới.
code-slow-down = Đồng chí đã nhập sai mã nhiều lần. Vui lòng thử lại sau { $seconds } giây.

## Trợ giúp
help-title-guest = Các lệnh dành cho khách:
help-title-delegate = Các lệnh dành cho đại biểu:
help-title-organizer = Các lệnh dành cho Ban tổ chức:
help-footer = Khi bot đưa ra các lựa chọn đánh số, chỉ cần gõ số tương ứng. Gõ /huy để hủy thao tác đang làm dở.

## Chương trình
agenda-body = Cơ quan tổ chức: { $body }
agenda-time = Thời gian: { $time } ({ $duration })
agenda-time-tba = Thời gian: sẽ thông báo sau ({ $expected })
agenda-place = Địa điểm: { $place }
agenda-place-tba = Địa điểm: sẽ thông báo sau (dự kiến: { $planned })
agenda-chair = Chủ trì: { $chair }
agenda-items-title = Nội dung hội nghị:

## Thành phần
participants-title = Thành phần tham dự:
participants-unit-none = Đơn vị của đồng chí ({ $unit }) chưa xác nhận tham dự.
participants-unit-answered = Đơn vị của đồng chí ({ $unit }) đã trả lời cho { $answered }/{ $seats } vị trí được mời.
participants-unit-hint = Gõ /dangky để xác nhận tham dự.

## Tài liệu
documents-title = Tài liệu hội nghị:
documents-none = Chưa có tài liệu nào được đăng.

## Đặt lịch
schedule-current = Thời gian, địa điểm hiện tại:
schedule-usage = Cách dùng: /datlich NGÀY GIỜ | ĐỊA ĐIỂM, ví dụ: /datlich 20/06/2027 14:00 | Hội trường UBND huyện (có thể chỉ ghi ngày giờ, hoặc chỉ ghi "| địa điểm").
schedule-bad-date = Không đọc được ngày giờ "{ $text }". Vui lòng ghi theo dạng NGÀY/THÁNG/NĂM GIỜ:PHÚT, ví dụ 20/06/2027 14:00.
schedule-in-past = Thời điểm { $time } đã qua. Vui lòng chọn một thời điểm trong tương lai.
schedule-place-too-long = Địa điểm quá dài (tối đa { $max } ký tự). Vui lòng ghi ngắn gọn hơn.
schedule-saved = Đã lưu thời gian, địa điểm hội nghị:
schedule-change-time = Thời gian: { $before } → { $after }
schedule-change-place = Địa điểm: { $before } → { $after }

## Mã mời
invites-title = Mã mời của các đơn vị (chỉ gửi cho đúng đơn vị):
invites-organizer = Ban tổ chức
invites-usage = Cấp mã mới: /mamoi capmoi TÊN ĐƠN VỊ. Thu hồi: /mamoi thuhoi TÊN ĐƠN VỊ. Xem, gỡ tài khoản của đơn vị: /mamoi TÊN ĐƠN VỊ. Mã của Ban tổ chức: dùng "bantochuc" thay cho tên đơn vị.
invites-reissued = Đã cấp mã mới cho { $unit }: { $code }. Mã cũ không còn dùng được.
invites-revoked = Đã thu hồi mã mời của { $unit }. Dùng /mamoi capmoi để cấp mã mới.
invites-none-active = { $unit } hiện không có mã mời nào đang dùng.

## Lựa chọn, trạng thái thao tác
choice-stale = Lựa chọn này không còn hiệu lực. Vui lòng gõ lại lệnh để xem các lựa chọn mới.
choice-out-of-range = Vui lòng chọn một số từ 1 đến { $max }.
cancel-done = Đã hủy thao tác đang làm dở.
cancel-nothing = Không có thao tác nào đang làm dở.

## Đơn vị
unit-unknown = Không tìm thấy đơn vị "{ $query }". Gõ /thanhphan để xem thành phần, hoặc ghi đúng tên { $localUnits }, cơ quan.
unit-unknown-suggest = Không tìm thấy đơn vị "{ $query }". Có phải đồng chí muốn tìm: { $suggestions }?

## Quyền
not-allowed-delegate = Lệnh này dành cho đại biểu các đơn vị được mời. Vui lòng gõ /start kèm mã mời của đơn vị.
not-allowed-organizer = Lệnh này chỉ dành cho Ban tổ chức hội nghị.

## Nhập sai, lỗi
unknown-command = Không có lệnh { $command }. Gõ /trogiup để xem các lệnh.
hint-free-text = Bot chỉ hiểu các lệnh. Gõ /trogiup để xem các lệnh đồng chí có thể dùng.
hint-empty = Tin nhắn trống. Gõ /trogiup để xem các lệnh.
file-not-expected = Bot chưa cần tệp hay ảnh lúc này. Gõ /trogiup để xem các lệnh.
file-too-large = Tệp quá lớn (tối đa { $mb } MB). Vui lòng gửi tệp nhỏ hơn.
file-wrong-type = Loại tệp này không được chấp nhận ở đây. Gõ /trogiup để xem hướng dẫn.
error-too-long = Nội dung quá dài (tối đa { $max } ký tự). Vui lòng rút gọn rồi gửi lại.
error-control-chars = Tin nhắn có ký tự điều khiển không hợp lệ. Vui lòng gõ lại bằng chữ thường.
error-not-saved = Chưa lưu được thay đổi do lỗi hệ thống; thông tin của đồng chí chưa được ghi nhận. Vui lòng thử lại sau ít phút.
error-internal = Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau hoặc liên hệ Ban tổ chức{ $contact }.
error-no-args = Lệnh { $command } không cần thêm nội dung. Vui lòng chỉ gõ { $command }.
participants-duties-own = Nhiệm vụ chuẩn bị của đơn vị đồng chí (theo Kế hoạch):
participants-duties-all = Phân công chuẩn bị hội nghị:

# Lines of a message built from several (a unit's result): no words of their own.
lines-one = { $line }
lines-join =
    { $head }
    { $tail }
lines-indent = {"   "}{ $line }
