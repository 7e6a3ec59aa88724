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
desk-col-seats = Vị trí và trả lời
desk-col-accounts = Tài khoản
desk-col-code = Mã mời
desk-no-accounts = chưa có
desk-no-code = không có mã
desk-answer-on-behalf = Trả lời thay
desk-answer-seat = Vị trí
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
desk-board-rotate = Đổi mã điểm danh
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

## Khung trang, trợ năng
desk-skip = Bỏ qua trình đơn, đến nội dung chính
desk-nav-label = Các mục của bàn làm việc
desk-nav-reception = Lễ tân

## Từ chối trên web: giữ nội dung đã nhập, có đường quay lại
desk-kept-label = Nội dung đã nhập
desk-refused-kept = Nội dung đồng chí đã nhập còn nguyên dưới đây: đồng chí sửa rồi bấm "Gửi lại".
desk-refused-kept-here = Nội dung đồng chí đã nhập còn nguyên trong biểu mẫu dưới đây: đồng chí sửa rồi gửi lại.
desk-send-again = Gửi lại
desk-upload-empty = Đồng chí chưa chọn tệp bảng điểm, hoặc tệp đã chọn không có nội dung. Đề nghị bấm "Chọn tệp", chọn tệp .xlsx hoặc .csv rồi bấm "Kiểm tra bảng điểm". Chưa có gì thay đổi.

## Hỏi lại trước khi làm việc không lấy lại được
desk-confirm-what = Việc này sẽ:
desk-confirm-no = Không, quay lại
desk-confirm-reissue-title = Cấp mã mời mới cho { $unit }?
desk-confirm-reissue = Mã mời đang dùng ({ $code }) — mã đã in trên giấy mời gửi đơn vị — sẽ không còn dùng được.
desk-confirm-reissue-after = Các tài khoản đã tham gia vẫn giữ nguyên. Người chưa tham gia phải dùng mã mới: đồng chí cần báo mã mới cho đơn vị hoặc gửi lại giấy mời.
desk-confirm-revoke-title = Thu hồi mã mời của { $unit }?
desk-confirm-revoke = Mã mời { $code } không còn dùng được; đơn vị không có mã mời cho đến khi Ban tổ chức cấp mã mới. Các tài khoản đã tham gia vẫn giữ nguyên.
desk-confirm-remove-title = Gỡ tài khoản khỏi đơn vị?
desk-confirm-remove = Tài khoản { $name } ({ $channel }) bị gỡ khỏi { $unit } và nhận tin báo; muốn tham gia lại phải có mã mời của đơn vị.
desk-confirm-rotate = Mã điểm danh { $code } — mã đang chiếu trong hội trường và in trên áp phích — sẽ không còn dùng được; đại biểu phải dùng mã mới.
desk-confirm-rotate-button = Đổi mã điểm danh
desk-board-no-code-to-rotate = Chưa có mã điểm danh để đổi. Chưa có gì thay đổi.
desk-confirm-publish = Công bố kết quả Chỉ số CCHC năm { $year } ({ $units } đơn vị): bảng xếp hạng hiện trên trang công khai của Hội nghị.
desk-confirm-publish-sent = { $accounts ->
    [0] Chưa đơn vị nào có tài khoản đại biểu tham gia bot để nhận tin kết quả.
   *[other] { $accounts } tài khoản đại biểu của { $units } đơn vị nhận ngay tin kết quả của đơn vị mình.
}
desk-confirm-publish-final = Tin đã gửi không thu hồi được.

## Đơn vị (danh sách và trang từng đơn vị)
desk-col-answered = Vị trí đã trả lời
desk-units-answered = { $answered }/{ $seats }
desk-units-hint = Bấm tên đơn vị để xem từng vị trí, trả lời thay, xem tài khoản và mã mời.
desk-units-all = ← Tất cả đơn vị
desk-col-seat = Vị trí
desk-col-answer = Trả lời
desk-account-unnamed = (chưa có tên)

## Điểm danh: lễ tân và màn hình hội trường
desk-board-seat-label = Vị trí của { $unit }
desk-hall-open = Màn hình hội trường
desk-hall-qr-alt = Mã QR điểm danh
desk-hall-code-label = Mã điểm danh
desk-hall-how-telegram = Telegram: quét mã QR bằng điện thoại.
desk-hall-how-any = Mở bot của Hội nghị, gõ /diemdanh và mã trên.
desk-hall-how-zalo = Zalo: mở bot của Hội nghị, gõ /diemdanh và mã trên.
desk-hall-no-code = Ban tổ chức chưa cấp mã điểm danh.
desk-hall-present = Đại biểu có mặt
desk-reception-title = Lễ tân — điểm danh tại bàn đón tiếp
desk-reception-search = Tìm đơn vị hoặc họ tên đại biểu (gõ không dấu cũng được)
desk-reception-search-button = Tìm
desk-reception-none = Không tìm thấy đơn vị hoặc đại biểu nào khớp. Đồng chí thử gõ ít chữ hơn.
desk-reception-checkin = Điểm danh
desk-reception-checked = ✓ Đã điểm danh
desk-reception-checked-at = ✓ Đã điểm danh lúc { $time }

## Tham luận, thông báo
desk-speech-request = Ban tổ chức yêu cầu chỉnh sửa bản { $n } lúc { $time }
desk-speeches-all = ← Tất cả tham luận
desk-notices-col-channel = Kênh

## Trang công khai: bot của Hội nghị
public-bot-title = Bot của Hội nghị
public-bot-hint = Đại biểu quét mã QR hoặc bấm liên kết để mở bot: xác nhận tham dự, nhận tài liệu, điểm danh tại hội trường.
public-bot-telegram = Telegram
public-bot-zalo = Zalo
public-bot-qr = Mã QR mở bot trên { $name }

## Lời của bàn làm việc thay cho câu chỉ lệnh trò chuyện (src/desk/words.ts)
desk-web-rsvp-attend-no-name = Đề nghị ghi họ tên người tham dự vào ô "Họ tên (chức vụ) hoặc lý do". Chưa có gì thay đổi.
desk-web-rsvp-substitute-no-name = Đề nghị ghi họ tên và chức vụ người dự thay, cách nhau bằng dấu phẩy (ví dụ: Lò Văn A, Phó Chủ tịch UBND xã). Chưa có gì thay đổi.
desk-web-rsvp-substitute-no-position = Đề nghị ghi thêm chức vụ của { $name } sau dấu phẩy (ví dụ: { $name }, Phó Chủ tịch UBND xã). Chưa có gì thay đổi.
desk-web-rsvp-absent-no-reason = Đề nghị ghi lý do vắng mặt vào ô "Họ tên (chức vụ) hoặc lý do" (ví dụ: Đi công tác). Chưa có gì thay đổi.
desk-web-notice-empty = Thông báo chưa có nội dung. Đề nghị đồng chí gõ nội dung vào ô "Nội dung thông báo".
desk-web-notice-audience-missing = Chưa chọn người nhận. Đề nghị đồng chí chọn một mục ở phần "Gửi tới".
desk-web-notice-units-missing = Đồng chí chọn "các đơn vị" nhưng chưa đánh dấu đơn vị nào. Đề nghị đánh dấu ít nhất một đơn vị.
desk-web-notice-expired = Bản xem trước này đã hết hạn hoặc không còn. Đề nghị đồng chí soạn lại thông báo ở mục Thông báo.
desk-web-notice-already-confirmed = Thông báo { $id } đã được xác nhận gửi trước đó; không gửi lần nữa. Xem tình trạng ở mục Thông báo.
desk-web-notice-scheduled = Đã hẹn gửi thông báo { $id } lúc { $time } tới { $count } tài khoản. Muốn hủy: mở thông báo ở mục Thông báo rồi bấm hủy.
desk-web-notice-unknown = Không tìm thấy thông báo có mã "{ $id }". Danh sách thông báo ở mục Thông báo.
desk-web-import-stays-unpublished = Bảng điểm mới ở trạng thái chưa công bố; khi công bố tại hội nghị, đồng chí bấm "Công bố kết quả" ở mục Chỉ số CCHC.
desk-web-import-will-unpublish = Lưu ý: kết quả đang được công bố. Sau khi thay thế, bảng mới ở trạng thái chưa công bố cho đến khi đồng chí bấm "Công bố kết quả" lại.
desk-web-import-nothing-pending = Không có bảng điểm nào chờ xác nhận. Đề nghị đồng chí tải bảng điểm lên lại ở mục Chỉ số CCHC.
desk-web-import-stale = Bảng điểm đã được thay đổi từ lúc xem trước. Đề nghị đồng chí tải bảng điểm lên lại để xem lại.
desk-web-import-done-unpublished = Kết quả chưa công bố: chỉ Ban tổ chức xem được. Khi công bố, đồng chí bấm "Công bố kết quả" ở mục Chỉ số CCHC.
desk-web-import-refused-footer = Đề nghị đồng chí sửa tệp rồi tải lên lại. Cần tệp mẫu thì bấm "Tải mẫu bảng điểm" ở mục Chỉ số CCHC.
desk-web-publish-no-table = Chưa có bảng điểm để công bố. Đề nghị đồng chí tải bảng điểm lên ở mục Chỉ số CCHC trước.
desk-web-publish-stale = Bảng điểm đã thay đổi từ lúc đồng chí xem câu hỏi công bố. Đề nghị mở lại mục Chỉ số CCHC để xem bảng mới rồi công bố.
desk-web-publish-not-yet = Kết quả chưa công bố. Đồng chí bấm "Công bố kết quả" ở mục Chỉ số CCHC để công bố.
desk-web-publish-units-without-delegates = { $count } đơn vị chưa có đại biểu tham gia bot nên không nhận được tin: { $units }. Các đơn vị này xem kết quả trên trang công khai của Hội nghị.
desk-web-checkin-onbehalf-not-scheduled = Chưa điểm danh thay được vì thời gian hội nghị chưa được đặt. Điểm danh mở từ 60 phút trước giờ khai mạc đến khi hội nghị kết thúc.
desk-scores-template = Tải mẫu bảng điểm (.xlsx, đã có tên các { $localUnits })
desk-reception-unit-count = có mặt { $present }/{ $expected }

## Loại thông báo còn thiếu: lời báo kết quả một việc (trả lời thay, gỡ tài khoản…), trang tình trạng thông báo cần tên này
notice-kind-result = Báo kết quả xử lý
desk-web-doc-warn-tba = Thời gian, địa điểm chưa thông báo: giấy mời ghi “sẽ thông báo sau”. Sau khi Ban tổ chức đặt lịch, đồng chí tải giấy mời về lại.

## Ngày ghi trên giấy mời, chọn ở trang Tải về (để trống thì dòng ngày để chỗ cho văn thư ghi khi ký)
desk-letters-date-label = Ngày ban hành ghi trên giấy mời
desk-letters-date-download = Tải giấy mời ghi ngày này (.docx)
desk-letters-date-bad = Ngày “{ $date }” không đúng: đồng chí chọn một ngày trong lịch (năm-tháng-ngày, ví dụ 2027-06-01) rồi tải lại.

## Trang Hội nghị (src/desk/pages/conferences.ts): các hội nghị của bot, hội nghị bàn làm việc đang hiển thị, thêm và kết thúc hội nghị
desk-nav-conferences = Hội nghị
desk-conference-banner = Hội nghị đang làm việc: { $title }.
desk-conference-banner-link = Đổi hội nghị
desk-conference-closed = Hội nghị này đã kết thúc: số liệu của hội nghị chỉ để xem, không thay đổi được nữa. Chưa có gì thay đổi. Muốn làm việc, đồng chí chọn một hội nghị đang diễn ra ở mục Hội nghị.
desk-conference-title = Hội nghị
desk-conference-hint = Bot đang phục vụ { $count } hội nghị. Bàn làm việc và tin nhắn của đồng chí làm việc với hội nghị được đánh dấu; hội nghị đã kết thúc vẫn xem được báo cáo, giấy mời, bảng điểm, nhiệm vụ nhưng không thay đổi được.
desk-conference-status = Trạng thái
desk-conference-status-running = Đang diễn ra
desk-conference-status-closed = Đã kết thúc
desk-conference-added-at = Ngày thêm
desk-conference-closed-at = Ngày kết thúc
desk-conference-file = Tệp hội nghị
desk-conference-id = Mã hội nghị
desk-conference-mark-current = Đang làm việc với hội nghị này
desk-conference-mark-reading = Đang xem hội nghị này (đã kết thúc, chỉ xem)
desk-conference-work = Làm việc với hội nghị này
desk-conference-read = Xem hội nghị này (chỉ xem)
desk-conference-close = Kết thúc hội nghị
desk-conference-close-title = Kết thúc { $title }?
desk-conference-close-line-read = Báo cáo, giấy mời, danh sách, bảng điểm và nhiệm vụ của hội nghị vẫn xem và tải về được.
desk-conference-close-line-never = Từ lúc kết thúc, số liệu của hội nghị không thay đổi được nữa, kể cả từ Ban tổ chức; hội nghị không mở lại được.
desk-conference-close-line-others = Đơn vị, đại biểu và mã mời vẫn giữ nguyên cho các hội nghị khác.
desk-conference-add-title = Thêm hội nghị
desk-conference-add-hint = Tải lên tệp hội nghị (.yaml, theo mẫu conferences/phong-tho-2023.yaml). Bot kiểm tra tệp, thêm hội nghị, rồi gửi giấy mời mới cho đại biểu của các đơn vị được mời đã tham gia bot, không cần nhập lại mã mời.
desk-conference-add-file = Tệp hội nghị (.yaml hoặc .yml, tối đa { $mb } MB)
desk-conference-add-button = Kiểm tra và thêm hội nghị
desk-conference-add-empty = Đồng chí chưa chọn tệp hội nghị, hoặc tệp đã chọn không có nội dung. Đề nghị bấm "Chọn tệp", chọn tệp .yaml rồi bấm "Kiểm tra và thêm hội nghị". Chưa có gì thay đổi.
desk-conference-add-type = Tệp hội nghị là tệp .yaml hoặc .yml. Đề nghị đồng chí chọn đúng tệp rồi tải lên lại. Chưa có gì thay đổi.
desk-conference-file-refused = { $sentence } Chưa thêm hội nghị nào.
desk-conference-added = Đã thêm { $title }.
desk-conference-added-told = { $count ->
        [0] Chưa đơn vị nào được mời có đại biểu tham gia bot, nên chưa gửi giấy mời qua bot.
       *[other] Đã gửi giấy mời mới cho đại biểu của { $count } đơn vị (đại biểu không cần nhập lại mã mời).
    }
desk-conference-added-without = { $count } đơn vị chưa có ai tham gia bot: { $units }. Các đơn vị này cần mã mời để tham gia (mục Đơn vị).
desk-conference-added-next = Để làm việc với hội nghị mới trên bàn làm việc, đồng chí bấm "Làm việc với hội nghị này" ở mục Hội nghị.
desk-web-conference-chosen = Từ nay bàn làm việc và tin nhắn của đồng chí làm việc với { $title }. Đổi hội nghị: mục Hội nghị.
desk-web-conference-unknown = Không có hội nghị “{ $id }” đang diễn ra. Danh sách các hội nghị ở mục Hội nghị.

## Hội nghị đã kết thúc trên bàn làm việc (src/desk/readonly.ts): dòng đầu mỗi trang; các trang chỉ để xem, không vẽ nút thay đổi
desk-closed-line = “{ $title }” đã kết thúc ngày { $date }: các trang chỉ để xem, không sửa được.
desk-closed-line-undated = “{ $title }” đã kết thúc: các trang chỉ để xem, không sửa được.
desk-closed-line-link = Chọn hội nghị đang diễn ra để làm việc
desk-units-hint-closed = Bấm tên đơn vị để xem từng vị trí, câu trả lời, tài khoản và mã mời.
