## Thông báo: loại, người gửi, lời nhắc đơn vị (outbox)
notice-kind-chase = Nhắc đơn vị
notice-kind-review = Kết quả duyệt tham luận
notice-summary-author = người gửi: { $author }
notice-author-system = bot (tự động)
notice-chase-rsvp = Nhắc { $units } đơn vị chưa xác nhận đủ các vị trí tham dự
notice-chase-speech = Nhắc { $units } đơn vị chưa nộp tham luận
notice-report-failed = Không gửi được tới { $count } tài khoản sau nhiều lần thử: { $names }. Xem lý do và gửi lại: /thongbao trangthai { $id }
notice-more-accounts = và { $count } tài khoản khác
notice-report-correction = Cập nhật: { $report }
outbox-zalo-refusing = Zalo đang từ chối gửi tin (có thể đã hết hạn mức tin nhắn của bot). Còn { $waiting } tin đang chờ gửi qua Zalo; bot tạm dừng và sẽ tự thử lại sau khoảng { $minutes } phút. Kính đề nghị đồng chí theo dõi; nếu cần gấp, vui lòng liên hệ đại biểu qua điện thoại.
outbox-parked-title = Không gửi được sau nhiều lần thử: { $count } tài khoản:
outbox-parked-line = - { $who } ({ $channel }): { $reason }
outbox-choice-retry-parked = Thử gửi lại cho { $count } tài khoản bị lỗi
outbox-retry-queued = Đã xếp gửi lại thông báo { $id } cho { $count } tài khoản bị lỗi. Bot sẽ báo lại kết quả.
outbox-retry-nothing = Thông báo { $id } không có tài khoản nào bị lỗi; không cần gửi lại.
report-sent-month = Tin nhắn bot đã gửi trong tháng { $month }: { $counts }.
report-sent-month-zalo = Zalo: gói miễn phí được cho là giới hạn khoảng 3.000 tin mỗi tháng (con số do người dùng báo lại, chưa được Zalo xác nhận).
