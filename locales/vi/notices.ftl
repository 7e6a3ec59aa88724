# Thông báo của Ban tổ chức, nhắc lịch, báo thay đổi, xác nhận "Đã nhận", lịch .ics.

## Mô tả lệnh
cmd-broadcast = Gửi thông báo tới đại biểu, xem tình trạng gửi và xác nhận (Ban tổ chức)
cmd-ack = Xác nhận đã nhận thông báo
cmd-calendar = Tải lịch hội nghị (tệp .ics) để thêm vào điện thoại

## Soạn thông báo
notice-ask-text = Vui lòng gõ nội dung thông báo (tối đa 2.000 ký tự; có thể gửi kèm một tệp, ghi nội dung ở phần chú thích). Gõ /huy để thôi.
notice-ask-audience = Thông báo { $id } gửi tới ai? Gõ số tương ứng:
notice-ask-units = Vui lòng gõ tên các đơn vị nhận, cách nhau bằng dấu phẩy (ví dụ: Mường So, Bản Lang).
notice-ask-time = Vui lòng gõ thời điểm gửi, ví dụ: 07:30 20/06 hoặc 20/06/2027 07:30.
notice-audience-choice = { $audience } ({ $count } tài khoản)
notice-audience-choice-units = Chọn đơn vị theo tên
notice-audience-all = Tất cả đại biểu
notice-audience-communes = Các { $localUnits }
notice-audience-agencies = Các cơ quan, đơn vị cấp { $bodyLevel }
notice-audience-no-rsvp = Các đơn vị chưa trả lời (chưa vị trí nào xác nhận tham dự)
notice-audience-no-speech = Các đơn vị chưa nộp tham luận
notice-audience-direct = Tin nhắn riêng
notice-audience-units = Các đơn vị: { $units }
notice-audience-resend = Những người chưa xác nhận đã nhận thông báo { $id }

## Nhập sai
notice-empty = Thông báo chưa có nội dung. Vui lòng gõ: /thongbao NỘI DUNG.
notice-file-needs-text = Vui lòng gửi tệp kèm chú thích là nội dung thông báo.
notice-too-long = Nội dung thông báo dài { $length } ký tự, vượt quá { $max } ký tự (giới hạn của Zalo). Vui lòng rút gọn hoặc chia thành nhiều thông báo.
notice-time-bad = Không đọc được thời điểm gửi "{ $text }". Vui lòng ghi theo dạng GIỜ:PHÚT NGÀY/THÁNG, ví dụ: 07:30 20/06.
notice-time-past = Thời điểm { $time } đã qua. Vui lòng chọn một thời điểm trong tương lai.
notice-audience-unknown = Không rõ nhóm người nhận "{ $text }". Vui lòng chọn một số trong danh sách.
notice-audience-empty = Chưa có tài khoản nào nhận được thông báo này ({ $audience }): các đơn vị trong nhóm chưa có đại biểu tham gia bot. Vui lòng chọn nhóm khác.
notice-audience-missing = Chưa chọn người nhận. Vui lòng gõ lại /thongbao.
notice-units-missing = Vui lòng ghi tên ít nhất một đơn vị, ví dụ: /thongbao donvi Mường So, Bản Lang | NỘI DUNG.
notice-expired = Bản xem trước này đã hết hạn hoặc không còn. Vui lòng gõ lại /thongbao để soạn thông báo.
notice-already-confirmed = Thông báo { $id } đã được xác nhận gửi trước đó; không gửi lần nữa. Xem tình trạng: /thongbao trangthai { $id }.

## Xem trước
notice-preview-title = Xem trước thông báo { $id }:
notice-preview-file = Tệp đính kèm: { $name }
notice-preview-audience = Gửi tới: { $audience }
notice-preview-count = Số tài khoản nhận: { $total } (Telegram { $telegram }, Zalo { $zalo }{ $console ->
        [0] {""}
       *[other] , kênh thử { $console }
    })
notice-preview-no-account = { $count } đơn vị chưa có đại biểu tham gia bot nên sẽ không nhận được: { $units }
notice-more-units = và { $count } đơn vị khác
notice-preview-unreachable = { $count } tài khoản đã chặn bot, không gửi được.
notice-preview-when-now = Gửi ngay khi xác nhận.
notice-preview-when-later = Hẹn gửi lúc { $time }.
notice-preview-expiry = Vui lòng xác nhận trong { $minutes } phút.
notice-choice-send = Gửi ngay
notice-choice-send-later = Xác nhận hẹn gửi lúc { $time }
notice-choice-schedule = Hẹn giờ gửi
notice-choice-cancel = Hủy, không gửi
notice-choice-cancel-scheduled = Hủy thông báo đã hẹn giờ
notice-choice-resend = Gửi lại cho { $count } tài khoản chưa xác nhận

## Sau khi xác nhận
notice-queued = Đã xếp thông báo { $id } vào hàng đợi gửi tới { $count } tài khoản. Bot sẽ báo tiến độ và kết quả.
notice-scheduled = Đã hẹn gửi thông báo { $id } lúc { $time } tới { $count } tài khoản. Muốn hủy: /tbhuy { $id }.
notice-cancelled = Đã hủy thông báo { $id }; không gửi gì.
notice-cancelled-scheduled = Đã hủy thông báo hẹn giờ { $id }; sẽ không gửi.
notice-nothing-to-cancel = Không có thông báo nào đang chờ để hủy.
notice-already-cancelled = Thông báo { $id } đã được hủy trước đó.
notice-cancel-too-late = Thông báo { $id } đã bắt đầu gửi nên không hủy được.
notice-progress = Đang gửi thông báo { $id }: { $done }/{ $total } ({ $percent }%).
notice-report = Đã gửi xong thông báo { $id }: gửi được { $sent }, lỗi { $failed }, không liên lạc được { $unreachable } (tổng { $total } tài khoản).
notice-report-waiting = Còn { $pending } tài khoản chờ gửi (kênh chưa chạy).
notice-report-status-hint = Xem ai đã bấm "Đã nhận": /thongbao trangthai { $id }
notice-count-channel = { $channel }: gửi được { $sent }{ $failed -> 
    [0] {""}
   *[other] , lỗi { $failed }
 }{ $unreachable -> 
    [0] {""}
   *[other] , không liên lạc được { $unreachable }
 }{ $pending -> 
    [0] {""}
   *[other] , đang chờ { $pending }
 }
notice-channel-telegram = Telegram
notice-channel-zalo = Zalo
notice-channel-console = Kênh thử

## Tình trạng
notice-status-none = Chưa có thông báo nào.
notice-status-title = Các thông báo gần đây:
notice-status-hint = Xem chi tiết và ai chưa xác nhận: /thongbao trangthai MÃ (ví dụ: /thongbao trangthai k7q2mx).
notice-status-acked = Đã xác nhận "Đã nhận": { $acked }/{ $sent } tài khoản đã nhận tin.
notice-status-not-acked = Chưa xác nhận: { $count } tài khoản:
notice-status-more = … và { $count } tài khoản khác.
notice-unknown = Không tìm thấy thông báo có mã "{ $id }". Gõ /thongbao trangthai để xem danh sách.
notice-not-ackable = Thông báo { $id } không có nút "Đã nhận".
notice-resend-nobody = Mọi tài khoản đã xác nhận đã nhận thông báo { $id }; không cần gửi lại.
notice-summary-head = [{ $id }] { $kind }, { $time }: "{ $text }"
notice-summary-counts = gửi được { $sent }/{ $total }, lỗi { $failed }, không liên lạc được { $unreachable }, đang chờ { $pending }
notice-summary-acked = đã nhận { $acked }/{ $sent }
notice-summary-planned = chưa đến giờ gửi
notice-summary-cancelled-organizer = đã hủy
notice-summary-cancelled-rescheduled = đã thay bằng lịch mới
notice-summary-cancelled-stale = bỏ qua vì đã quá thời điểm nhắc
notice-summary-cancelled-passed = bỏ qua vì thời điểm nhắc đã qua khi đặt lịch
notice-summary-cancelled-duplicate = đã nhắc trước đó
notice-kind-broadcast = Thông báo
notice-kind-reminder = Nhắc lịch
notice-kind-schedule_change = Thay đổi lịch

## Nội dung gửi đi
notice-broadcast-header = THÔNG BÁO CỦA BAN TỔ CHỨC HỘI NGHỊ
notice-reminder-header = NHẮC LỊCH HỘI NGHỊ
notice-reminder-time = Thời gian: { $time }
notice-reminder-place = Địa điểm: { $place }
notice-change-header = THÔNG BÁO THAY ĐỔI THỜI GIAN, ĐỊA ĐIỂM HỘI NGHỊ
notice-change-time-same = Thời gian: { $time } (không thay đổi)
notice-change-place-same = Địa điểm: { $place } (không thay đổi)
notice-tba = sẽ thông báo sau
notice-ack-hint = Đề nghị đồng chí bấm "Đã nhận" (hoặc trả lời "đã nhận") để Ban tổ chức biết.
notice-ack-label = Đã nhận

## Xác nhận đã nhận
notice-ack-thanks = Cảm ơn đồng chí đã xác nhận đã nhận thông báo.
notice-ack-already = Đồng chí đã xác nhận đã nhận thông báo này lúc { $time }.
notice-ack-none = Hiện không có thông báo nào cần xác nhận.
notice-ack-unknown = Không tìm thấy thông báo "{ $id }" gửi tới đồng chí.

## Báo thay đổi sau /datlich
notice-change-offer = Gửi thông báo thay đổi (ghi rõ cũ và mới) tới tất cả đại biểu ({ $count } tài khoản)?
notice-change-offer-send = Gửi cho tất cả đại biểu ({ $count } tài khoản)
notice-change-offer-skip = Không gửi
notice-change-offer-nobody = Chưa có đại biểu nào tham gia bot để nhận thông báo thay đổi.
notice-change-stale = Lịch đã được thay đổi thêm sau lựa chọn này. Vui lòng dùng lựa chọn mới nhất sau lệnh /datlich.
notice-change-already = Thông báo thay đổi này đã được gửi (mã { $id }).
notice-change-skipped = Đã bỏ qua, không gửi thông báo thay đổi. Có thể gửi sau bằng /thongbao.

## Lịch (.ics)
calendar-tba = Thời gian, địa điểm hội nghị sẽ được thông báo sau; khi đó gõ /lich để tải lịch.
calendar-caption = Lịch hội nghị: { $time }, tại { $place }. Mở tệp để thêm vào lịch điện thoại.
calendar-body = Cơ quan tổ chức: { $body }
calendar-time = Thời gian (giờ Việt Nam): { $time }
calendar-alarm = Còn 1 giờ nữa: { $title }

## Lệnh hoinghi broadcast
cli-broadcast-usage = Cách dùng: hoinghi broadcast "NỘI DUNG" [--to tatca|xa|coquan|chuatraloi|chuanop|"donvi Mường So, Bản Lang"] [--at "07:30 20/06/2027"]
cli-broadcast-queued = Đã xếp thông báo { $id } vào hàng đợi: { $count } tài khoản (Telegram { $telegram }, Zalo { $zalo }, console { $console }). Bot sẽ gửi khi chạy (npx hoinghi start).
cli-broadcast-handed = Bot đang chạy: đã chuyển thông báo { $id } cho bot, bot sẽ gửi ngay (xem nhật ký của bot).
