# Câu trả lời bằng lời thường (issue 22): khi bot chưa hiểu, hỏi lại câu đang mở; người mới được hướng dẫn gõ mã mời.
answer-not-understood = Bot chưa hiểu “{ $text }”. Đồng chí vui lòng trả lời lại câu hỏi dưới đây (gõ số thứ tự hoặc gõ bằng lời).
answer-not-understood-choose = Bot chưa hiểu “{ $text }”. Đồng chí vui lòng chọn một trong các lựa chọn sau (gõ số thứ tự):
newcomer-type-code = Kính gửi đồng chí: để dùng bot, vui lòng gõ mã mời in trên giấy mời của đơn vị. Mã gồm 10 ký tự chữ và số, ví dụ: 7KQ2M-X9D4R (có thể gõ chữ thường, không cần dấu gạch ngang). Gõ /trogiup để xem các lệnh.
code-not-right = Mã mời chưa đúng: mã gồm đúng 10 ký tự chữ và số, in trên giấy mời dạng 7KQ2M-X9D4R. Đồng chí vui lòng đối chiếu lại từng ký tự với giấy mời rồi gõ lại; nếu vẫn không được, liên hệ Ban tổ chức{ $contact }.
join-next-rsvp = Việc tiếp theo của đơn vị: xác nhận tham dự cho { $missing }/{ $seats } vị trí được mời ({ $titles }), hạn: { $deadline }. Gõ /dangky để trả lời.
join-next-rsvp-done = Đơn vị đã xác nhận tham dự cho cả { $seats } vị trí được mời; gõ /dangky để xem hoặc sửa.
join-next-speech = Đơn vị được phân công tham luận “{ $topic }”, hạn nộp: { $deadline }. Gõ /thamluan để nộp.
join-deadline-tba = sẽ thông báo sau
rsvp-all-attend = Đã hiểu: cả { $count } vị trí của { $unit } đều tham dự.
rsvp-ask-attend-all = Vui lòng gõ họ tên người dự ở vị trí { $seat } (gõ “tôi” nếu chính đồng chí dự).
rsvp-ask-position = Vui lòng gõ chức vụ của { $name } (ví dụ: Phó Chủ tịch UBND xã).
rsvp-confirm-name = Bot lưu họ tên có dấu nào cho vị trí { $seat }?
rsvp-name-marked = { $name } (có dấu)
rsvp-name-typed = { $name } (như đã gõ)
rsvp-vang-unclear = “Vâng” hay “vắng”? Bot chưa biết đồng chí muốn trả lời tham dự hay vắng mặt.
speech-question-not-added = Câu hỏi “{ $text }” không được thêm vào bản tham luận (bản nháp đang có { $parts } phần, vẫn mở). Gõ “xong” khi đã gửi hết.
speech-question-unanswered = Bot chưa trả lời được câu hỏi “{ $text }”; câu này không được thêm vào bản tham luận.
speech-add-question = Thêm câu này vào bản tham luận
speech-part-added = Đã thêm câu đó vào bản tham luận (phần { $n }). Gửi tiếp, hoặc gõ “xong” khi đã gửi hết.
speech-choice-not-understood = Để nộp bản mới, đồng chí có thể gửi ngay tệp hoặc ảnh các trang.
speech-draft-open-add = Bản nháp tham luận đang có { $parts } phần, vẫn mở. Nếu câu vừa gõ là một phần của tham luận, chọn:
yesno-again = Đồng chí trả lời “có” hoặc “không”, hoặc gõ số thứ tự:

## Chức vụ thường gặp, gõ không dấu, được ghi lại có dấu theo loại đơn vị (commands/understand/readers.ts)
position-place = { $kind ->
    [town] thị trấn
    [ward] phường
    [special_zone] đặc khu
    [agency] cơ quan
   *[commune] xã
}
position-chair = Chủ tịch UBND { $place }
position-vice-chair = Phó Chủ tịch UBND { $place }
position-council-chair = Chủ tịch HĐND { $place }
position-council-vice-chair = Phó Chủ tịch HĐND { $place }
position-party-secretary = Bí thư Đảng ủy { $place }
position-party-vice-secretary = Phó Bí thư Đảng ủy { $place }
position-office = Công chức Văn phòng
position-office-statistics = Công chức Văn phòng - Thống kê
position-justice = Công chức Tư pháp - Hộ tịch
position-land = Công chức Địa chính - Xây dựng
position-finance = Công chức Tài chính - Kế toán
position-culture = Công chức Văn hóa - Xã hội
position-reform = Công chức làm nhiệm vụ công tác CCHC
position-one-stop = Công chức bộ phận tiếp nhận và trả kết quả
position-police-chief = Trưởng Công an { $place }
position-military-chief = Chỉ huy trưởng Quân sự { $place }
