# The public address, how updates arrive, `hoinghi init` and the bot without a public address (issue 24).
config-webhook-needs-url = { $updates }=webhook cần địa chỉ công khai của bot: đồng chí đặt PUBLIC_URL (ví dụ https://hoinghi.phongtho.gov.vn) hoặc đổi thành { $updates }=polling rồi khởi động lại bot.
config-webhook-needs-secret = { $updates }=webhook cần { $secret }: đồng chí chạy npx hoinghi init để tạo khóa bí mật, hoặc đổi thành { $updates }=polling rồi khởi động lại bot.
