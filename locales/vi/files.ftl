# The HTTP server's own pages and the file links (src/app/http-server.ts, src/lib/files.ts).
desk-coming-title = Trang làm việc của Ban tổ chức
desk-coming-body = Trang làm việc của Ban tổ chức đang được hoàn thiện. Trong thời gian này, đồng chí vui lòng sử dụng các lệnh trong khung trò chuyện với bot. Trân trọng.
files-link-expired-title = Đường dẫn đã hết hạn
files-link-expired-body = Đường dẫn tải tệp này đã hết hạn. Đồng chí vui lòng gõ lại lệnh trong khung trò chuyện với bot để nhận đường dẫn mới. Trân trọng.
files-link-unknown-title = Không tìm thấy tệp
files-link-unknown-body = Đường dẫn này không đúng. Đồng chí vui lòng mở lại đường dẫn trong tin nhắn của bot, hoặc gõ lại lệnh để nhận đường dẫn mới. Trân trọng.
