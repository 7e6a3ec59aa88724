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
speech-withdraw-reviewed = Tham luận bản { $n } của { $unit } đã được Ban tổ chức xem xét nên không thể tự rút; nếu cần, đồng chí vui lòng liên hệ Ban tổ chức.
speech-withdraw-stale = Bản { $n } không còn là bản mới nhất chờ duyệt; đồng chí vui lòng gõ /thamluan để xem tình trạng hiện tại.
