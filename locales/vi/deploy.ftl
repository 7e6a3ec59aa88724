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
