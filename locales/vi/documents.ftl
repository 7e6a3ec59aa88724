# Giấy mời, áp phích điểm danh, danh sách đại biểu (văn bản in).

cmd-invitations = Giấy mời (.docx) của mọi đơn vị, mỗi giấy mời có mã mời và mã QR của đơn vị (Ban tổ chức)

## Giấy mời (Nghị định 30/2020/NĐ-CP, Mẫu 1.7)
doc-national = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
doc-motto = Độc lập - Tự do - Hạnh phúc
doc-number = Số: { $number }/{ $symbol }
doc-place-date = { $place }, ngày { $day } tháng { $month } năm { $year }
doc-invitation-title = GIẤY MỜI
doc-summary = Dự { $title }
doc-to = Kính gửi: { $unit }.
doc-invite-intro = { $body } trân trọng kính mời:
doc-seat-line = - { $seat };
doc-seat-last = - { $seat }.
doc-invite-to = Tới dự { $title }.
doc-chair = Chủ trì: { $chair }.
doc-time = Thời gian: { $time }.
doc-time-duration = { $time } ({ $duration })
doc-time-tba = Thời gian: sẽ thông báo sau ({ $expected }).
doc-time-tba-plain = Thời gian: sẽ thông báo sau.
doc-place = Địa điểm: { $place }.
doc-place-tba = Địa điểm: sẽ thông báo sau (dự kiến: { $planned }).
doc-place-tba-plain = Địa điểm: sẽ thông báo sau.
doc-duty-speech = Đề nghị { $unit } chuẩn bị bài phát biểu tham luận { $topic }; gửi Ban tổ chức qua bot (lệnh /thamluan) { $deadline }.
doc-duty-open = { $open } Đơn vị có ý kiến phát biểu xin đăng ký qua bot (lệnh /phatbieu).
doc-duty-open-plain = Đơn vị có ý kiến phát biểu tại Hội nghị xin đăng ký qua bot (lệnh /phatbieu).
doc-rsvp = Đề nghị { $unit } xác nhận thành phần tham dự (tham dự, cử người dự thay hoặc vắng mặt, nêu rõ lý do) qua bot (lệnh /dangky) { $deadline }.
doc-deadline-before-start = chậm nhất { $offset } trước giờ khai mạc
doc-deadline-at = trước { $time }
doc-offset-d = { $n } ngày
doc-offset-h = { $n } giờ
doc-offset-m = { $n } phút
doc-contact = Mọi chi tiết xin liên hệ: { $name }, điện thoại: { $phone }.
doc-contact-with-position = Mọi chi tiết xin liên hệ: { $name } ({ $position }), điện thoại: { $phone }.
doc-phone-none = đang cập nhật
doc-closing = Rất mong các đồng chí tham dự đúng thành phần, thời gian./.
doc-recipients-title = Nơi nhận:
doc-recipients-as-above = Như trên
# The record copy kept by the office (Nơi nhận's last line), when the conference file names no recipients.
doc-recipient-archive = Lưu: VT
doc-recipient-line = - { $recipient };
doc-recipient-last = - { $recipient }.
doc-box-title = Xác nhận tham dự, nộp tham luận qua Zalo hoặc Telegram
doc-box-code = Mã mời của { $unit }:
doc-box-telegram = Telegram: quét mã bằng điện thoại, bấm “Bắt đầu” (mã mời đã có sẵn).
doc-box-zalo = Zalo: mở Zalo, quét mã, gõ mã mời.
doc-box-type = Hoặc gõ cho bot của hội nghị: /start { $code }
doc-box-keep = Mã mời dùng cho mọi cán bộ của đơn vị; xin không chia sẻ ra ngoài đơn vị.

## Thông báo cho Ban tổ chức
doc-invitations-caption = Giấy mời của { $count } đơn vị, mỗi đơn vị một giấy mời riêng có mã mời và mã QR.
doc-warn-late = Lưu ý: giấy mời ghi ngày { $issued }, chỉ còn { $days } ngày làm việc trước giờ khai mạc ({ $start }); Quyết định 45/2018/QĐ-TTg yêu cầu gửi giấy mời chậm nhất 03 ngày làm việc trước cuộc họp.
doc-warn-no-links = Chưa đặt TELEGRAM_BOT_USERNAME hoặc ZALO_BOT_LINK: giấy mời chỉ in mã mời, chưa có mã QR.
doc-warn-tba = Thời gian, địa điểm chưa thông báo: giấy mời ghi “sẽ thông báo sau”. Sau khi đặt lịch (/datlich), gõ /giaymoi để in lại.
doc-cli-missing-dir = Thiếu thư mục: npx hoinghi invitations <thư mục>
doc-cli-write-failed = Không ghi được vào { $dir } (mã lỗi { $reason }); hãy kiểm tra thư mục và quyền ghi.
doc-cli-done = Đã ghi { $count } giấy mời vào { $dir }: mỗi đơn vị một tệp và tệp chung { $all }.

## Áp phích điểm danh
poster-title = ĐIỂM DANH
poster-code-label = Mã điểm danh
poster-telegram = Telegram: quét mã QR bằng điện thoại
poster-zalo = Zalo: gõ /diemdanh { $code }
poster-any = Hoặc gõ cho bot: /diemdanh { $code }
poster-issued = Mã cấp lúc { $issued }; khi Ban tổ chức đổi mã, áp phích này không còn dùng được.
poster-caption = Áp phích điểm danh (mã { $code }): chiếu lên màn hình hội trường hoặc in khổ A4. Đổi mã (/diemdanh moi) thì áp phích cũ không còn dùng được.
poster-no-code = Chưa có mã điểm danh. Ban tổ chức gõ /diemdanh để cấp mã, rồi gõ /diemdanh poster để lấy áp phích.
poster-cli-missing-file = Thiếu tệp: npx hoinghi checkin-poster <tệp.png|tệp.pdf>
poster-cli-extension = Tệp { $file } phải có đuôi .png hoặc .pdf.
poster-cli-done = Đã ghi áp phích điểm danh { $file } (mã { $code }).

## Danh sách đại biểu (ký tên)
list-title = DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ
list-made = (Lập lúc { $time })
list-count-title = Tình hình điểm danh
list-count-total = Có mặt: { $present }/{ $expected } đại biểu dự kiến ({ $seats } vị trí được mời, { $absent } vắng có báo cáo).
list-col-count = Có mặt/dự kiến
list-col-missing = Chưa có mặt
list-missing-seat = { $seat } ({ $name })
cmd-attendance-list = Danh sách đại biểu để ký tên (.docx), có số có mặt theo đơn vị (Ban tổ chức)
list-caption = Danh sách đại biểu: có mặt { $present }/{ $expected } đại biểu dự kiến.
list-col-no = STT
list-col-unit = Đơn vị
list-col-seat = Vị trí được mời
list-col-name = Họ và tên
list-col-position = Chức vụ
list-col-present = Điểm danh
list-col-sign = Ký tên
list-col-reason = Lý do vắng
list-substitute = (dự thay)
list-unanswered = (chưa xác nhận)
list-present-at = có mặt { $time }
list-absent-title = ĐẠI BIỂU VẮNG MẶT CÓ BÁO CÁO
list-absent-none = Không có.

## Bảng tính /xuat khi in
export-sheet-scores = Điểm Chỉ số CCHC
export-col-rank = Hạng
export-col-total = Tổng điểm
export-col-max = Điểm tối đa
export-col-percent = Tỷ lệ (%)
export-col-class = Xếp loại
export-printed = In lúc { $time }
export-page = Trang { $page }/{ $pages }
export-sheet-speech-versions = Các bản tham luận
export-col-version = Bản số
export-col-version-kind = Hình thức
export-col-content = Nội dung (hoặc tên tệp)
export-col-submitted-by = Người nộp
export-col-review = Kết quả duyệt
export-version-kind-text = Văn bản
export-version-kind-document = Tệp
export-version-kind-photo = Ảnh chụp
export-version-continued = { $n } (tiếp, phần { $part }/{ $parts })
export-made = Xuất lúc { $time }
