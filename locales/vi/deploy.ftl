# The public address, how updates arrive, `hoinghi init` and the bot without a public address (issue 24).
config-webhook-needs-url = { $updates }=webhook cần địa chỉ công khai của bot: đồng chí đặt PUBLIC_URL (ví dụ https://hoinghi.phongtho.gov.vn) hoặc đổi thành { $updates }=polling rồi khởi động lại bot.
config-webhook-needs-secret = { $updates }=webhook cần { $secret }: đồng chí chạy npx hoinghi init để tạo khóa bí mật, hoặc đổi thành { $updates }=polling rồi khởi động lại bot.
# Pictures and files that could not reach a Zalo user (no public address): one note after their captions.
files-unsent-what = { $photos ->
    [0] Tệp { $files }
   *[other] { $files ->
        [none] { $photos ->
            [1] Hình ảnh
           *[other] { $photos } hình ảnh
        }
       *[other] { $photos } hình ảnh và tệp { $files }
    }
}
files-unsent-organizer = { files-unsent-what } chưa gửi được qua Zalo vì bot chưa có địa chỉ công khai.
files-no-address-fix = Cách khắc phục (một bước): đặt PUBLIC_URL là địa chỉ HTTPS công khai của bot (ví dụ PUBLIC_URL=https://hoinghi.phongtho.gov.vn) trong tệp .env rồi khởi động lại bot; hướng dẫn ở mục “Triển khai” trong README. Lời nhắc này chỉ gửi mỗi ngày một lần.
files-unsent-delegate = { files-unsent-what } chưa gửi được qua Zalo. Nếu cần, đồng chí vui lòng liên hệ Ban tổ chức{ $contact }.
files-unsent-delegate-telegram = { files-unsent-what } chưa gửi được qua Zalo. Nếu cần, đồng chí vui lòng xem trên Telegram hoặc liên hệ Ban tổ chức{ $contact }.
# `npx hoinghi init` (src/app/cli-init.ts).
cli-init-usage = Cách dùng: hoinghi init [--env-file TỆP] [--telegram-api-root URL] [--zalo-api-root URL]
init-intro = Thiết lập Hội nghị bot. Đồng chí trả lời từng câu hỏi rồi nhấn Enter; để trống là bỏ qua hoặc lấy giá trị trong ngoặc vuông. Kết quả được ghi vào { $file }.
init-overwrite = Tệp { $file } đã có. Ghi đè tệp này? (có/không) [không]
init-kept = Đã giữ nguyên tệp { $file }, không ghi gì; muốn thiết lập lại, đồng chí chạy lại npx hoinghi init và trả lời “có”.
init-ask-telegram = Token bot Telegram (lấy từ @BotFather; để trống nếu không dùng Telegram)
init-ask-zalo = Token bot Zalo (lấy tại bot.zaloplatforms.com, dạng bot_id:secret; để trống nếu không dùng Zalo)
init-token-format = Token { $platform } không đúng dạng (mã bot, dấu hai chấm, rồi chuỗi ký tự, ví dụ 123456:ABC…); đồng chí vui lòng nhập lại.
init-token-ok = { $platform }: token hợp lệ, bot “{ $name }” (token { $token }).
init-token-refused = { $platform } không nhận token { $token }; đồng chí vui lòng kiểm tra và nhập lại, hoặc để trống để bỏ qua.
init-token-unchecked = Cảnh báo: chưa kiểm tra được token { $platform } vì không kết nối được nền tảng ({ $detail }); token vẫn được ghi, đồng chí xem lại nhật ký khi bot khởi động.
init-gave-up = Bỏ qua { $platform } sau ba lần nhập chưa đúng; đồng chí có thể chạy lại npx hoinghi init.
init-ask-public-url = Địa chỉ công khai của bot (dạng https://hoinghi.phongtho.gov.vn, tên miền trỏ về máy chủ này; để trống nếu chưa có)
init-url-bad = Địa chỉ “{ $url }” chưa đúng; đồng chí vui lòng nhập dạng https://hoinghi.phongtho.gov.vn (không có đường dẫn phía sau), hoặc để trống.
init-url-http = Cảnh báo: địa chỉ không dùng https; Telegram và Zalo chỉ gửi tin tới địa chỉ https, và Zalo chỉ tải ảnh qua https.
init-ask-updates = Nhận tin nhắn bằng webhook (nền tảng gửi tới địa chỉ công khai, nhanh hơn) hay polling (bot tự hỏi, không cần mở cổng)? (webhook/polling) [webhook]
init-updates-bad = Đồng chí vui lòng gõ webhook hoặc polling.
init-ask-organizers = Tài khoản Ban tổ chức (dạng telegram:123456789 hoặc zalo:e4ea…, cách nhau dấu phẩy; để trống nếu chưa biết, sau này dùng mã mời Ban tổ chức)
init-organizers-bad = “{ $id }” không đúng dạng kênh:mã (ví dụ telegram:123456789, zalo:e4ea…); đồng chí vui lòng nhập lại.
init-ask-data-dir = Thư mục dữ liệu (DATA_DIR) [{ $default }]
init-env-header = Tạo bởi npx hoinghi init. Chứa token và khóa bí mật: không gửi tệp này cho ai, không đưa lên git.
init-written = Đã ghi { $file } (quyền 600: chỉ tài khoản chủ tệp đọc được), token và khóa bí mật chỉ hiện vài ký tự:
init-no-channel = Chưa có token nào: khi chạy, bot mở kênh console để dùng thử.
init-next = Bước tiếp theo: chạy thử bằng npx hoinghi start, hoặc cài dịch vụ theo mục “Triển khai” trong README.
