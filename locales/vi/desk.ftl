# Bàn làm việc của Ban tổ chức (trang web bên cạnh bot) và trang công khai.

## Lệnh /web
cmd-desk = Mở bàn làm việc của Ban tổ chức trên máy tính (liên kết đăng nhập dùng một lần)
desk-link-reply = Kính gửi đồng chí { $name },
    Liên kết đăng nhập bàn làm việc của Ban tổ chức (dùng một lần, hiệu lực 10 phút):
    { $url }
    Đề nghị đồng chí không chuyển liên kết này cho người khác.
desk-cli-link = Liên kết đăng nhập bàn làm việc cho { $account } (dùng một lần, hiệu lực 10 phút):
desk-cli-no-organizer = Chưa khai báo Ban tổ chức: đặt ORGANIZER_IDS (ví dụ ORGANIZER_IDS=console:ban-to-chuc) rồi chạy lại.

## Khung trang
desk-title = Bàn làm việc của Ban tổ chức
desk-nav-overview = Tổng quan
desk-nav-units = Đơn vị
desk-nav-speeches = Tham luận
desk-nav-scores = Chỉ số CCHC
desk-nav-board = Điểm danh
desk-nav-downloads = Tải về
desk-nav-notices = Thông báo
desk-signed-in = Đồng chí { $name }
desk-signed-in-organizers = Ban tổ chức
desk-sign-out = Đăng xuất
desk-back = Quay lại

## Từ chối (trang đơn giản, không thay đổi gì)
desk-refused-title = Không thực hiện được
desk-link-forged = Liên kết đăng nhập không hợp lệ. Đề nghị đồng chí gõ /web trong cuộc trò chuyện với bot để nhận liên kết mới.
desk-link-expired = Liên kết đăng nhập đã hết hiệu lực (quá 10 phút). Đề nghị đồng chí gõ /web để nhận liên kết mới.
desk-link-used = Liên kết đăng nhập này đã được dùng. Mỗi liên kết chỉ dùng được một lần; đề nghị đồng chí gõ /web để nhận liên kết mới.
desk-link-just-used = Liên kết đăng nhập này vừa được dùng (có thể do nút "Vào bàn làm việc" được bấm hai lần). Nếu bàn làm việc chưa mở, đề nghị đồng chí gõ /web để nhận liên kết mới.
desk-wrong-host = Địa chỉ này không phải địa chỉ của bàn làm việc Ban tổ chức. Đề nghị đồng chí mở đúng địa chỉ trong liên kết nhận từ bot.
desk-bad-form = Biểu mẫu gửi lên không đọc được (có thể đường truyền bị ngắt giữa chừng). Đề nghị đồng chí tải lại trang rồi gửi lại; chưa có gì thay đổi.
desk-not-saved = Chưa lưu được do lỗi ghi dữ liệu trên máy chủ (ví dụ ổ đĩa đầy); chưa có gì thay đổi. Đề nghị đồng chí báo người quản trị máy chủ rồi thử lại sau ít phút.
desk-not-saved-kept = Nội dung đồng chí đã nhập được giữ lại dưới đây; bấm "Thử lưu lại" để gửi lại.
desk-retry = Thử lưu lại
desk-link-not-organizer = Tài khoản này không thuộc Ban tổ chức nên không mở được bàn làm việc.
desk-rate-limited = Liên kết đăng nhập này không dùng được và đã bị thử nhiều lần. Đề nghị đồng chí gõ /web trong cuộc trò chuyện với bot để nhận liên kết mới; liên kết mới dùng được ngay.
desk-need-sign-in = Đồng chí chưa đăng nhập hoặc phiên làm việc đã hết hạn. Đề nghị gõ /web trong cuộc trò chuyện với bot để nhận liên kết đăng nhập.
desk-csrf = Biểu mẫu đã hết hiệu lực hoặc không gửi từ bàn làm việc. Đề nghị đồng chí tải lại trang rồi làm lại; chưa có gì thay đổi.
desk-not-found = Không tìm thấy trang hoặc tệp này.
desk-too-large = Tệp quá lớn (tối đa { $mb } MB). Chưa có gì thay đổi.
desk-bad-input = Thông tin gửi lên chưa đúng. Chưa có gì thay đổi.
desk-signed-out = Đồng chí đã đăng xuất khỏi bàn làm việc.
desk-sign-in-confirm = Đồng chí bấm nút dưới đây để vào bàn làm việc. Liên kết chỉ dùng được một lần.
desk-sign-in-button = Vào bàn làm việc

## Tổng quan
desk-overview-title = Tổng quan
desk-overview-deadlines = Thời hạn
desk-overview-attendance = Tham dự và điểm danh
desk-overview-partial = Trả lời chưa đủ ({ $count } đơn vị)
desk-overview-work = Tham luận, phát biểu, thông báo
desk-overview-notices = Thông báo đã lập: { $count }
desk-deadline-rsvp = Hạn xác nhận tham dự: { $time }
desk-deadline-speech = Hạn gửi tham luận: { $time }
desk-deadline-tba = chưa xác định

## Đơn vị
desk-units-title = Đơn vị
desk-col-unit = Đơn vị
desk-col-seats = Ghế và trả lời
desk-col-accounts = Tài khoản
desk-col-code = Mã mời
desk-no-accounts = chưa có
desk-no-code = không có mã
desk-answer-on-behalf = Trả lời thay
desk-answer-seat = Ghế
desk-answer-status = Trả lời
desk-answer-text = Họ tên (chức vụ) hoặc lý do
desk-status-attend = Tham dự
desk-status-substitute = Cử người thay
desk-status-absent = Vắng mặt
desk-reissue = Cấp mã mới
desk-revoke = Thu hồi mã
desk-remove-account = Gỡ khỏi đơn vị
desk-unanswered = chưa trả lời
desk-answered-done = Đã ghi trả lời của { $unit }, { $seat }: { $answer }.
desk-code-reissued = Đã cấp mã mời mới cho { $unit }; mã cũ không còn dùng được.
desk-code-revoked = Đã thu hồi mã mời của { $unit }.
desk-account-removed = Đã gỡ tài khoản { $name } khỏi { $unit }.
desk-told = Đã báo cho { $count } tài khoản của đơn vị.
desk-told-none = Đơn vị chưa có tài khoản nào để báo.

## Tham luận
desk-speeches-title = Tham luận
desk-speech-topic = Chủ đề: { $topic }
desk-speech-none = Chưa gửi bản nào.
desk-speech-version = Bản { $n } — { $time } — { $by }
desk-speech-previous = Bản trước
desk-speech-latest = Bản mới nhất
desk-speech-no-previous = Không có bản trước.
desk-speech-file = Tệp: { $name }
desk-speech-pages = { $count } trang ảnh
desk-speech-open = Xem và duyệt
desk-speech-accept = Chấp nhận
desk-speech-changes = Yêu cầu chỉnh sửa
desk-speech-note = Nội dung cần chỉnh sửa
desk-speech-note-missing = Đề nghị ghi nội dung cần chỉnh sửa. Chưa có gì thay đổi.

## Chỉ số CCHC
desk-scores-title = Chỉ số CCHC
desk-scores-current = Bảng điểm hiện có: năm { $year }, { $units } đơn vị, nhập lúc { $time }.
desk-scores-none = Chưa có bảng điểm.
desk-scores-published = Đã công bố lúc { $time }.
desk-scores-unpublished = Chưa công bố.
desk-scores-upload = Tải bảng điểm lên (.xlsx hoặc .csv, tối đa { $mb } MB)
desk-scores-upload-button = Kiểm tra bảng điểm
desk-scores-confirm = Xác nhận nhập bảng điểm
desk-scores-cancel = Huỷ
desk-scores-publish = Công bố kết quả
desk-scores-preview-gone = Bản xem trước không còn (đã nhập, đã huỷ hoặc quá hạn). Đề nghị tải bảng điểm lên lại. Chưa có gì thay đổi.
desk-scores-ranking = Xếp hạng

## Điểm danh
desk-board-title = Điểm danh
desk-board-present = Có mặt { $present }/{ $expected }
desk-board-code = Mã điểm danh: { $code }
desk-board-code-hint = Đại biểu gõ /diemdanh { $code } trong cuộc trò chuyện với bot.
desk-board-no-code = Chưa có mã điểm danh. Bấm nút dưới đây để cấp mã, rồi chiếu trang này hoặc áp phích lên màn hình hội trường.
desk-board-issue = Cấp mã điểm danh
desk-board-rotate = Đổi mã mới (mã cũ và áp phích cũ không còn dùng được)
desk-board-expected-note = Dự kiến: mọi vị trí được mời trừ vị trí báo vắng (trong đó { $unanswered } vị trí chưa trả lời).
desk-board-arrivals = Mới đến
desk-board-checkin = Điểm danh thay
desk-board-checked = Đã điểm danh thay cho { $unit }, { $seat }.
desk-board-unit = { $unit }: { $present }/{ $expected }

## Tải về
desk-downloads-title = Tải về
desk-download-workbook = Bảng tổng hợp (.xlsx)
desk-download-ics = Lịch hội nghị (.ics)

## Thông báo

## Trang công khai
public-time = Thời gian: { $time }
public-place = Địa điểm: { $place }
public-tba = sẽ thông báo sau
public-agenda = Chương trình
public-documents = Tài liệu
public-ranking = Kết quả Chỉ số CCHC năm { $year }
public-col-rank = Hạng
public-col-unit = Đơn vị
public-col-total = Tổng điểm
public-col-class = Xếp loại

desk-download-letters = Giấy mời của tất cả đơn vị, một tệp (.docx)
desk-download-list = Danh sách đại biểu ký tên (.docx)
desk-letters-without-code = { $count } đơn vị chưa có mã mời (giấy mời tải về sẽ không in mã của các đơn vị này): { $units }.
desk-letters-issue-codes = Cấp mã mời còn thiếu
desk-letters-codes-issued = { $count ->
    [0] Tất cả các đơn vị đã có mã mời; không cấp thêm mã nào.
   *[other] Đã cấp mã mời cho { $count } đơn vị. Giấy mời tải về từ nay in mã của các đơn vị này.
}
desk-download-poster = Áp phích điểm danh (.png)
desk-notices-text = Nội dung thông báo (tối đa { $max } ký tự)
desk-notices-audience = Gửi tới
desk-notices-when = Hẹn giờ gửi (để trống để gửi ngay sau khi xác nhận)
desk-notices-preview = Xem trước
desk-notices-set-time = Đặt giờ
desk-notices-sent = Các thông báo đã soạn
desk-notices-acked = Đã xác nhận nhận thông báo
desk-notices-col-sent = Đã gửi
desk-notices-col-failed = Lỗi
desk-notices-col-unreachable = Không liên lạc được
desk-notices-col-pending = Đang chờ
desk-notices-col-acked = Đã xác nhận
desk-notices-parked-line = { $who } ({ $channel }): { $reason }
desk-notices-drafts = Bản nháp chưa gửi của đồng chí
desk-notices-draft-line = { $id }: { $text } (soạn lúc { $time })
