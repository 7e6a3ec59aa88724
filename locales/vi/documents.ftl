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
doc-duty-speech = Đề nghị { $unit } chuẩn bị bài phát biểu tham luận { $topic }; gửi Ban tổ chức { $how }, { $deadline }.
doc-duty-open = { $open } Đơn vị có ý kiến phát biểu xin đăng ký { $how }.
doc-duty-open-plain = Đơn vị có ý kiến phát biểu tại Hội nghị xin đăng ký { $how }.
doc-rsvp = Đề nghị { $unit } xác nhận thành phần tham dự { $how }, { $deadline }.
doc-deadline-before-start = chậm nhất { $offset } trước giờ khai mạc
doc-deadline-at = trước { $time }
doc-offset-d = { $n } ngày
doc-offset-h = { $n } giờ
doc-offset-m = { $n } phút
doc-contact = Mọi chi tiết xin liên hệ: { $who }, điện thoại: { $phone }.
doc-closing = Rất mong các đồng chí tham dự đúng thành phần, thời gian./.
doc-recipients-title = Nơi nhận:
doc-recipients-as-above = Như trên
# The record copy kept by the office (Nơi nhận's last line), when the conference file names no recipients.
doc-recipient-archive = Lưu: VT
doc-recipient-line = - { $recipient };
doc-recipient-last = - { $recipient }.
doc-box-code = Mã mời của { $unit }:
doc-box-telegram = Telegram: quét mã, bấm “Bắt đầu”
doc-box-zalo = Zalo: quét mã, gõ mã mời
doc-box-type = Gõ cho bot của Hội nghị: /start { $code }
doc-box-keep = Mã mời dùng chung cho cán bộ của đơn vị; xin không chia sẻ ra ngoài.
doc-box-commands-speech = rồi gõ /dangky: xác nhận tham dự; /thamluan: nộp tham luận.
doc-box-commands-open = rồi gõ /dangky: xác nhận tham dự; /phatbieu: đăng ký phát biểu.
# The date line while the office dates the letters when it signs and numbers them.
doc-place-date-blank = { $place }, ngày … tháng … năm 20…
# A time as a letter writes it: "08 giờ 00 phút, thứ Năm, ngày 17/6/2027".
doc-datetime = { $hour } giờ { $minute } phút, { $weekday }, ngày { $day }/{ $month }/{ $year }
doc-session-morning = buổi sáng
doc-session-afternoon = buổi chiều
doc-session-day = cả ngày
# How a unit answers, in words (the commands are printed only in the code box).
doc-how = qua Zalo hoặc Telegram của Hội nghị
doc-how-code = qua Zalo hoặc Telegram của Hội nghị, theo mã dưới đây
# The conference file's "Các đơn vị còn lại chủ động …" addressed to one unit.
doc-duty-open-unit = Đề nghị { $unit } { $open } Đơn vị có ý kiến phát biểu xin đăng ký { $how }.
doc-contact-who = { $name } ({ $position })
doc-contact-no-phone = Mọi chi tiết xin liên hệ: { $who }.

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
poster-zalo = Zalo: nhắn cho bot Zalo của Hội nghị: /diemdanh { $code }
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

## Giấy mời: thêm lời nhắc cho Ban tổ chức (ngày nghỉ, hạn đã qua, giấy mời chưa ghi ngày)
doc-warn-late-undated = Lưu ý: nếu phát hành hôm nay ({ $issued }), giấy mời chỉ còn { $days } ngày làm việc trước giờ khai mạc ({ $start }); Quyết định 45/2018/QĐ-TTg yêu cầu gửi giấy mời chậm nhất 03 ngày làm việc trước cuộc họp.
doc-warn-moved-rsvp = Hạn xác nhận tham dự ({ $from }) rơi vào ngày nghỉ: giấy mời ghi ngày làm việc trước đó, { $to }; bot vẫn nhận trả lời đến { $from }.
doc-warn-moved-speech = Hạn nộp tham luận ({ $from }) rơi vào ngày nghỉ: giấy mời ghi ngày làm việc trước đó, { $to }; bot vẫn nhận tham luận đến { $from }.
doc-warn-passed-rsvp = Hạn xác nhận tham dự in trên giấy mời ({ $at }) đã qua: hãy sửa hạn trong tệp hội nghị trước khi gửi giấy mời.
doc-warn-passed-speech = Hạn nộp tham luận in trên giấy mời ({ $at }) đã qua: hãy sửa hạn trong tệp hội nghị trước khi gửi giấy mời.

## Danh sách đại biểu: thêm (số trang, người lập biểu, dòng lệnh)
list-count-all-absent = Báo vắng
list-made-by = NGƯỜI LẬP BIỂU
list-made-by-hint = (Ký, ghi rõ họ tên)
list-page = Trang { $page }/{ $pages }
list-cli-missing-file = Thiếu tệp: npx hoinghi sign-in-list <tệp.docx>
list-cli-extension = Tệp { $file } phải có đuôi .docx.
list-cli-done = Đã ghi danh sách đại biểu { $file }: có mặt { $present }/{ $expected } đại biểu dự kiến.
doc-cli-date = Ngày { $date } không đúng: ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ --date 2027-06-01.
# Under the Zalo QR code of the poster (the bot's link: the person then types the code).
poster-zalo-qr = Zalo: quét mã, gõ /diemdanh { $code }
export-see-versions = … (toàn văn ở trang “Các bản tham luận”)

## Biểu đồ xếp hạng: tên huyện, nguồn và ngày, thay đổi thứ hạng
chart-title-place = Chỉ số CCHC năm { $year } các xã, thị trấn { $place }
chart-place-province = { $place }, tỉnh { $province }
chart-source = Nguồn: { $body }, công bố ngày { $date }.
chart-source-preview = Nguồn: { $body }, bảng điểm nhập ngày { $date } (chưa công bố).
chart-moved-legend = ▲▼ thứ hạng so với năm trước
