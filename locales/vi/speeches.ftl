# Tham luận: các thông báo mới của lõi nghiệp vụ (src/domain/speeches.ts).

## Rút tham luận
speech-nothing-to-withdraw = { $unit } chưa nộp tham luận nào (hoặc đã rút), nên không có gì để rút.

## Bản nháp tham luận: an toàn giữa các lệnh khác; nộp bản mới và rút bản là lựa chọn rõ ràng
speech-draft-still-open = Lưu ý: đồng chí vẫn đang soạn tham luận ({ $parts } phần chưa nộp). Các phần đã gửi vẫn được giữ: đồng chí gửi tiếp các phần còn lại, gõ xong để nộp, hoặc /huy để bỏ.
speech-draft-open-after-answer = Lưu ý: đồng chí vẫn đang soạn tham luận ({ $parts } phần chưa nộp), các phần đã gửi vẫn được giữ. Đồng chí trả lời câu hỏi trên trước, sau đó gửi tiếp các phần còn lại, gõ xong để nộp, hoặc /huy để bỏ.
speech-choose = Đồng chí muốn làm gì?
speech-choice-new = Nộp bản mới
speech-choice-withdraw = Rút bản { $n }
speech-send-new = Đồng chí vui lòng gửi nội dung bản mới: gõ nội dung (một hoặc nhiều tin nhắn), gửi hết thì gõ xong; hoặc gửi tệp Word, PDF, ODT, TXT, ảnh chụp các trang. Các bản đã nộp vẫn được lưu. Gõ /huy để thôi.
speech-replace-confirm = Bản { $n } đã được Ban tổ chức chấp nhận. Nếu nộp bản mới, bản mới sẽ thay bản đã được chấp nhận và phải chờ Ban tổ chức duyệt lại. Đồng chí có muốn nộp bản mới không?
speech-replace-yes = Nộp bản mới thay bản { $n }
speech-replace-no = Giữ bản { $n } đã được chấp nhận
speech-replace-kept = Đã giữ nguyên bản { $n } đã được Ban tổ chức chấp nhận; không có gì thay đổi.
speech-withdraw-confirm = Đồng chí có chắc muốn rút tham luận bản { $n } của { $unit } ({ $what }, nộp lúc { $time })? Bản đã rút vẫn được lưu nhưng Ban tổ chức sẽ không xem xét nữa.
speech-withdraw-yes = Rút bản { $n }
speech-withdraw-no = Không rút
speech-withdraw-kept = Đã giữ nguyên tham luận bản { $n }; không có gì thay đổi.
speech-withdrawn = Đã rút tham luận bản { $n } của { $unit } và đã báo Ban tổ chức. Khi cần, đồng chí gõ /thamluan để nộp bản mới.
speech-withdrawn-notice = { $unit } đã rút tham luận bản { $n } (lúc { $time }). Bản này vẫn được lưu nhưng không còn chờ duyệt.
speech-withdraw-reviewed = Tham luận bản { $n } của { $unit } đã được Ban tổ chức xem xét nên không thể tự rút; nếu cần, đồng chí vui lòng liên hệ Ban tổ chức{ $contact }.
speech-withdraw-stale = Bản { $n } không còn là bản mới nhất chờ duyệt; đồng chí vui lòng gõ /thamluan để xem tình trạng hiện tại.

## /datlich hỏi lại trước khi lưu một thời gian dễ nhầm (src/domain/schedule.ts: scheduleRisks)
schedule-risk-title = Đồng chí đặt thời gian hội nghị: { $time }. Xin lưu ý trước khi lưu:
schedule-risk-hours = { $n }. Giờ bắt đầu { $time } nằm ngoài giờ hành chính (7 giờ 00 đến 18 giờ 00).
schedule-risk-weekend = { $n }. Ngày này là { $weekday }, ngày nghỉ cuối tuần.
schedule-risk-holiday = { $n }. Ngày { $date } là ngày nghỉ lễ, Tết theo lịch của hội nghị.
schedule-risk-rsvp-past = { $n }. Hạn xác nhận tham dự sẽ là { $time }, đã qua: các đơn vị không còn thời gian xác nhận.
schedule-risk-speech-past = { $n }. Hạn nộp tham luận sẽ là { $time }, đã qua: các đơn vị không còn thời gian nộp tham luận.
schedule-risk-reminder = { $n }. Lần nhắc lịch lúc { $time } đã qua nên sẽ không được gửi.
schedule-risk-ask = Đồng chí vẫn lưu thời gian này, hay sửa lại?
schedule-risk-keep = Vẫn lưu
schedule-risk-redo = Sửa lại
schedule-redo = Đồng chí vui lòng gõ lại thời gian (và địa điểm nếu cần), ví dụ: 20/06/2027 14:00 | Hội trường UBND huyện, hoặc 18/6 8 giờ 30. Gõ /huy để thôi.

## Thông báo đổi lịch: các hạn đã dời theo thời gian mới
notice-change-rsvp-deadline = Hạn xác nhận tham dự mới: { $time }
notice-change-speech-deadline = Hạn nộp tham luận mới: { $time }
