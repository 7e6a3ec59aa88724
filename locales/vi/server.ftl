# The process's HTTP server (src/app/http-server.ts, src/app/main.ts).
server-desk-address = Trang làm việc của Ban tổ chức: { $url }
server-listen-failed = Không mở được máy chủ HTTP trên { $host }:{ $port } ({ $code }): cổng đang được chương trình khác dùng hoặc địa chỉ không có trên máy này. Vui lòng đặt PORT (hoặc HOST, DESK_HOST) khác rồi chạy lại.
