# Kênh console (dòng lệnh) và lệnh hoinghi.
console-welcome = Hội nghị bot — kênh thử trên dòng lệnh. Gõ lệnh như trên Telegram/Zalo (ví dụ /chuongtrinh). Gõ :vai để đổi vai, :thoat để thoát.
console-choose-role = Đồng chí muốn dùng thử với vai nào?
    1. Khách
    2. Đại biểu của một đơn vị
    3. Ban tổ chức
    Gõ số tương ứng:
console-ask-unit = Gõ tên đơn vị (ví dụ: Mường So):
console-unit-unknown = Không tìm thấy đơn vị "{ $query }". Vui lòng gõ lại tên { $localUnits } hoặc cơ quan.
console-you-are = Đồng chí đang dùng với vai: { $name }.
console-name-guest = Khách
console-name-organizer = Ban tổ chức
console-name-delegate = Đại biểu { $unit }
console-choose-number = (Gõ số để chọn)
console-file-saved = Đã lưu tệp: { $file }
console-incoming = [Tin nhắn gửi tới { $name }]

cli-usage = Cách dùng: hoinghi [start | init | chat | invites [--json] | validate TỆP | import-scores TỆP [--publish | --previous] | score-template TỆP | export TỆP.xlsx | invitations THƯ-MỤC [--date YYYY-MM-DD] | checkin-poster TỆP.png/.pdf [--a3] | sign-in-list TỆP.docx | desk-link | broadcast "NỘI DUNG" | analysis TỆP.docx | minutes TỆP.docx | conclusions TỆP.docx | tasks TỆP.xlsx | import-tasks TỆP [--check] | tasks-template TỆP.xlsx | conference add TỆP | conference list [--json] | conference close MÃ]
cli-unknown-command = Không có lệnh "{ $command }". { cli-usage }
cli-missing-file = Thiếu đường dẫn tệp. { cli-usage }
cli-store-corrupt = Không đọc được tệp dữ liệu { $file }: { $reason }. Tệp được giữ nguyên; hãy khôi phục từ { $file }.bak hoặc chuyển tệp đi nơi khác rồi chạy lại.
cli-config-error = Cấu hình chưa đúng: { $detail }
cli-not-available = Lệnh "{ $command }" chưa có trong phiên bản này.
cli-invites-title = Mã mời của các đơn vị:
cli-channels-none = Chưa đặt TELEGRAM_BOT_TOKEN hay ZALO_BOT_TOKEN: mở kênh console để dùng thử.
cli-channel-started = Đã chạy kênh { $channel } ({ $mode }).
cli-store-locked = Tệp dữ liệu { $file } đang được bot dùng (tiến trình { $pid }), và lệnh này cần giữ riêng tệp đó. Các lệnh in giấy mời, áp phích, xuất bảng, nhập điểm chạy được ngay khi bot đang chạy; lệnh này thì hãy làm trong cuộc trò chuyện với bot, hoặc dừng bot (ví dụ: sudo systemctl stop hoinghi) rồi chạy lại.
