# Thông điệp riêng của kênh Telegram (tiếng Việt, mặc định).

telegram-choose-hint = Bấm nút bên dưới hoặc gõ số tương ứng để chọn.
telegram-group-private-only = Lệnh này chỉ dùng trong tin nhắn riêng với bot. Vui lòng bấm vào tên bot và gửi lệnh tại đó.
