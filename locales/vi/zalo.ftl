# Kênh Zalo: thông điệp riêng của Zalo (không có nút bấm, không gửi được tệp).

zalo-choose-number = Vui lòng gõ số tương ứng để chọn (ví dụ: 1).
zalo-unsupported = Bot chưa đọc được loại tin nhắn này (nhãn dán, ghi âm, tệp…). Vui lòng gõ nội dung bằng chữ, hoặc gõ /trogiup để xem các lệnh.
zalo-unnamed = đồng chí
zalo-file-link = Tệp { $name }: tải về tại { $url }

## Dành cho người vận hành (khi khởi động)
zalo-secret-required = Chế độ webhook của Zalo cần ZALO_WEBHOOK_SECRET (8–256 ký tự) khi đã đặt PUBLIC_URL.
zalo-token-refused = Zalo từ chối mã bot { $token }. Vui lòng kiểm tra ZALO_BOT_TOKEN (dạng bot_id:secret) trên Zalo Bot Platform.
zalo-webhook-refused = Không đăng ký được webhook Zalo: { $detail }. Vui lòng kiểm tra PUBLIC_URL và ZALO_WEBHOOK_SECRET.

## Zalo như nền tảng thực sự hoạt động
zalo-unsupported-received = Bot chưa đọc được loại tin nhắn này (tệp, vị trí…): Zalo không chuyển nội dung đó cho bot. Vui lòng gửi ảnh chụp từng trang hoặc gõ nội dung bằng chữ; gõ /trogiup để xem các lệnh.
zalo-group-private-only = Kính gửi các đồng chí, bot chỉ làm việc trong tin nhắn riêng: vui lòng nhắn riêng cho bot để tham gia hội nghị, xác nhận tham dự hoặc gửi bài phát biểu. Trân trọng.
