## Thông báo: loại, người gửi, lời nhắc đơn vị (outbox)
notice-kind-chase = Nhắc đơn vị
notice-kind-review = Kết quả duyệt tham luận
notice-summary-author = người gửi: { $author }
notice-author-system = bot (tự động)
notice-chase-rsvp = Nhắc { $units } đơn vị chưa xác nhận đủ các vị trí tham dự
notice-chase-speech = Nhắc { $units } đơn vị chưa nộp tham luận
report-rsvp-incomplete = Chưa xác nhận đủ: { $count } đơn vị còn vị trí chưa trả lời (nhắc bằng /nhacnho dangky).
notice-report-failed = Không gửi được tới { $count } tài khoản sau nhiều lần thử: { $names }. Xem lý do và gửi lại: /thongbao trangthai { $id }
notice-more-accounts = và { $count } tài khoản khác
notice-report-correction = Cập nhật: { $report }
