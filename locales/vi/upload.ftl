# Làm việc trên điện thoại: liên kết vào thẳng trang bàn làm việc, trang nộp tệp tham luận, dòng lệnh bên cạnh bot đang chạy.

## Lệnh cần tệp trên kênh không chuyển được tệp (Zalo): liên kết đăng nhập vào thẳng trang làm việc
import-on-desk = Kính gửi đồng chí { $name },
    Zalo không chuyển được tệp, nên bảng điểm Chỉ số CCHC được tải lên trên trang Chỉ số CCHC của bàn làm việc (mở được trên điện thoại): chọn tệp .xlsx hoặc .csv, xem trước, xác nhận rồi công bố.
    Liên kết đăng nhập (dùng một lần, hiệu lực 10 phút):
    { $url }
    Đề nghị đồng chí không chuyển liên kết này cho người khác.
doc-invitations-on-desk = Kính gửi đồng chí { $name },
    Đã cấp mã mời cho các đơn vị còn thiếu. Zalo không chuyển được tệp, nên giấy mời (.docx) được tải về trên trang Tải về của bàn làm việc.
    Liên kết đăng nhập (dùng một lần, hiệu lực 10 phút):
    { $url }
    Đề nghị đồng chí không chuyển liên kết này cho người khác.
list-on-desk = Kính gửi đồng chí { $name },
    Zalo không chuyển được tệp, nên danh sách đại biểu (.docx) được tải về trên trang Tải về của bàn làm việc.
    Liên kết đăng nhập (dùng một lần, hiệu lực 10 phút):
    { $url }
    Đề nghị đồng chí không chuyển liên kết này cho người khác.
export-on-desk = Kính gửi đồng chí { $name },
    Zalo không chuyển được tệp, nên bảng tổng hợp tham dự và tham luận (.xlsx) được tải về trên trang Tải về của bàn làm việc.
    Liên kết đăng nhập (dùng một lần, hiệu lực 10 phút):
    { $url }
    Đề nghị đồng chí không chuyển liên kết này cho người khác.
