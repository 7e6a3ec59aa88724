# Hội thoại không bế tắc (issue 12): câu hỏi nào của bot cũng nhận câu trả lời tự nhiên.

## Gõ nhầm lệnh
unknown-command-suggest = Không có lệnh { $command }. Có phải đồng chí muốn dùng một trong các lệnh sau? Gõ số tương ứng:

## Điểm danh theo người
checkin-who-attend = đồng chí { $name } (tham dự)
checkin-who-substitute = đồng chí { $name } (dự thay)
checkin-who-none = chưa đăng ký tên
checkin-done-whose = Vị trí này đã đăng ký cho { $who }. Nếu không đúng người, vui lòng báo Ban tổ chức tại bàn đón tiếp.
checkin-which-seat = { $unit } còn { $count } vị trí chưa điểm danh. Đồng chí điểm danh cho vị trí nào?
checkin-seat-absent = Vị trí { $seat } của { $unit } đã báo vắng mặt (lý do: { $reason }). Nếu đồng chí dự thay vị trí này, vui lòng báo Ban tổ chức tại bàn đón tiếp để được ghi nhận.
checkin-seat-taken = Vị trí { $seat } đã được điểm danh. Vui lòng chọn vị trí khác hoặc báo Ban tổ chức tại bàn đón tiếp.
checkin-onbehalf-usage = Ban tổ chức điểm danh thay: /diemdanh TÊN ĐƠN VỊ SỐ VỊ TRÍ (hoặc họ tên đã đăng ký), ví dụ: /diemdanh Mường So 2. Xem tình hình: /diemdanh tinhhinh.
checkin-onbehalf-seat-unknown = Không tìm thấy vị trí “{ $query }” của { $unit }. Vui lòng ghi số vị trí hoặc họ tên đã đăng ký: { $seats }.
checkin-onbehalf-done = Đã điểm danh thay: { $unit }, vị trí { $seat }, { $who }, lúc { $time }. Người ghi: { $by } (Ban tổ chức).
checkin-onbehalf-taken = Vị trí { $seat } của { $unit } đã được điểm danh lúc { $time } ({ $name }); không ghi thêm.
checkin-onbehalf-not-scheduled = Chưa điểm danh thay được vì thời gian hội nghị chưa được đặt (/datlich). Điểm danh mở từ 60 phút trước giờ khai mạc đến khi hội nghị kết thúc.
checkin-onbehalf-not-open = Chưa đến giờ điểm danh; Ban tổ chức điểm danh thay trong thời gian điểm danh, từ { $opens }.
checkin-onbehalf-closed = Hội nghị đã kết thúc lúc { $closes }; không điểm danh thay được nữa.
checkin-board-title = TÌNH HÌNH ĐIỂM DANH (lúc { $time })
checkin-board-present = Có mặt: { $present }/{ $expected } đại biểu dự kiến (mọi vị trí được mời trừ vị trí báo vắng; trong đó { $unanswered } vị trí chưa trả lời).
checkin-board-by-unit = Theo đơn vị (có mặt/dự kiến):
checkin-board-unit = - { $unit }: { $present }/{ $expected }
checkin-board-nobody-title = Đơn vị chưa có ai điểm danh ({ $count }):
checkin-board-substitutes-title = Người dự thay đã có mặt ({ $count }):
checkin-board-substitute = - { $unit }, { $seat }: { $name }
checkin-board-none = (không có)
checkin-board-latest-title = Mới đến ({ $count } lượt gần nhất):
checkin-board-arrival = - { $time }: { $unit }, { $seat }, { $name }
report-checkin-onbehalf = { $name }, Ban tổ chức ghi thay: { $by }
report-checkin-onbehalf-organizers = { $name }, Ban tổ chức ghi thay

## Ban tổ chức ghi thay câu trả lời
rsvp-by-organizer = Ban tổ chức (đồng chí { $name })
rsvp-by-organizers = Ban tổ chức
rsvp-organizer-no-unit = Ban tổ chức ghi thay câu trả lời của đơn vị: /dangky TÊN ĐƠN VỊ SỐ VỊ TRÍ thamdu|thay|vang …, ví dụ: /dangky Nậm Xe 2 vang Ốm. Có thể ghi cả sau hạn xác nhận.
rsvp-onbehalf-usage = Vui lòng ghi số vị trí và câu trả lời cho { $unit }, ví dụ: /dangky Nậm Xe 2 vang Ốm. Các vị trí: { $seats }.
rsvp-onbehalf-saved = Đã ghi (Ban tổ chức ghi thay, người ghi: { $by }): { $unit }, vị trí { $seat }: { $answer }.
rsvp-onbehalf-told = Đã báo cho { $count } tài khoản của đơn vị.
rsvp-onbehalf-nobody = Đơn vị chưa có tài khoản nào trên bot; vui lòng báo đơn vị qua điện thoại hoặc văn bản.
rsvp-onbehalf-notice = Kính gửi { $unit }: { $who } đã ghi thay câu trả lời cho vị trí { $seat }: { $answer }. Nếu chưa đúng, đề nghị đơn vị báo lại Ban tổ chức{ $contact }. Trân trọng!
rsvp-changed-by-other = Kính gửi đồng chí: câu trả lời đồng chí đã gửi cho { $unit }, vị trí { $seat } ({ $before }) vừa được { $who } thay bằng: { $after }. Gõ /dangky để xem lại.

## Chuyển đơn vị, tài khoản của đơn vị
join-move-ask = Tài khoản của đồng chí đang là đại biểu của { $from }. Mã mời vừa gõ là của { $to }. Đồng chí có muốn chuyển sang { $to } không?
join-move-yes = Có, chuyển sang { $to }
join-move-no = Không, giữ { $from }
join-moved = Đã chuyển tài khoản khỏi { $from }.
invites-channel-telegram = Telegram
invites-channel-zalo = Zalo
invites-channel-console = máy chủ
invites-account-line = { $name } ({ $channel }, tham gia lúc { $joined })
invites-accounts-title = Tài khoản của { $unit } trên bot ({ $count }):
invites-accounts-none = { $unit } chưa có tài khoản nào trên bot.
invites-accounts-remove-ask = Gỡ tài khoản nào khỏi đơn vị? (Gõ /huy nếu không gỡ.)
invites-remove-one = Gỡ tài khoản số { $n }: { $name }
invites-revoked-accounts = { $unit } còn { $count } tài khoản đã tham gia bằng mã cũ. Gỡ luôn các tài khoản này?
invites-remove-all = Gỡ cả { $count } tài khoản
invites-keep-accounts = Giữ các tài khoản, xem danh sách
invites-account-gone = Tài khoản này không còn thuộc { $unit }. Gõ /mamoi kèm tên đơn vị để xem danh sách mới.
invites-removed = Đã gỡ { $count } tài khoản khỏi { $unit }: { $names }.
invites-removed-notice = Kính gửi đồng chí: Ban tổ chức đã gỡ tài khoản của đồng chí khỏi { $unit }. Nếu có nhầm lẫn hoặc cần tham gia lại, đề nghị đồng chí liên hệ Ban tổ chức{ $contact } để được cấp mã mời. Trân trọng!

## Đầu mối liên hệ
contact-line = Liên hệ Ban tổ chức: { $name } ({ $position }), điện thoại: { $phone }.
contact-line-short = Liên hệ Ban tổ chức: { $name }, điện thoại: { $phone }.
contact-phone-tba = đang cập nhật

## Câu hỏi thường gặp (gõ tự do)
faq-when-more = Xem đầy đủ chương trình: /chuongtrinh.
faq-documents = Hội nghị có { $count } tài liệu.
faq-documents-more = Gõ /tailieu để xem danh sách và đường dẫn.
faq-deadline-rsvp = Hạn xác nhận tham dự: { $deadline } (gõ /dangky để trả lời).
faq-deadline-speech = Hạn nộp tham luận: { $deadline } (gõ /thamluan để xem chủ đề và nộp bài).
faq-deadline-tba = tính theo giờ khai mạc, sẽ thông báo sau
faq-rsvp = Để xác nhận tham dự, gõ /dangky rồi chọn từng vị trí: tham dự, cử người dự thay hoặc vắng mặt (kèm lý do).
faq-rsvp-guest = Để xác nhận tham dự, trước hết gõ mã mời ghi trong giấy mời (ví dụ: /start 7KQ2M-X9D4R), sau đó gõ /dangky.
