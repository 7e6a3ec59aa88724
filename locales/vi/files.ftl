# The HTTP server's own pages and the file links (src/app/http-server.ts, src/lib/files.ts).
desk-coming-title = Trang làm việc của Ban tổ chức
desk-coming-body = Trang làm việc của Ban tổ chức đang được hoàn thiện. Trong thời gian này, đồng chí vui lòng sử dụng các lệnh trong khung trò chuyện với bot. Trân trọng.
