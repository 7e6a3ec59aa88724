# Lời văn chung (issue 12 mục 9): một dòng của /trogiup. Bản tiếng Việt không kèm tên lệnh tiếng Anh.
help-line = /{ $name }: { $describe }
help-line-alias = /{ $name }: { $describe }

## Đầu mối trong mọi câu "liên hệ Ban tổ chức" (biến { $contact }, có dấu cách ở đầu; rỗng khi chưa có đầu mối).
contact-ref = {" "}({ $name }, điện thoại: { $phone })
