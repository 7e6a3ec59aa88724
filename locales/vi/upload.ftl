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

## Tham luận trên Zalo: không mời gửi tệp trong cuộc trò chuyện, mà đưa liên kết nộp tệp riêng của đơn vị
speech-how-no-files = Cách nộp: gõ nội dung tham luận (một hoặc nhiều tin nhắn), gửi xong thì gõ /xong; hoặc gửi ảnh chụp từng trang rồi gõ /xong. Gõ /huy để thôi.
speech-send-new-no-files = Đồng chí vui lòng gửi nội dung bản mới: gõ nội dung (một hoặc nhiều tin nhắn), gửi hết thì gõ xong; hoặc gửi ảnh chụp các trang. Các bản đã nộp vẫn được lưu. Gõ /huy để thôi.
upload-offer = Nếu tham luận đã có sẵn tệp Word, PDF, ODT, TXT (tối đa 10 MB) hoặc ảnh trong điện thoại, đồng chí mở liên kết nộp tệp riêng của { $unit } dưới đây rồi chọn tệp để gửi (hiệu lực đến { $time }; đề nghị không chuyển liên kết cho người khác):
    { $url }
upload-offer-unreadable = Zalo không chuyển tệp cho bot, nên bot chưa nhận được tệp đồng chí vừa gửi. Để nộp tham luận của { $unit } bằng tệp Word, PDF, ODT, TXT (tối đa 10 MB) hoặc ảnh, đồng chí mở liên kết nộp tệp riêng dưới đây rồi chọn tệp (hiệu lực đến { $time }; đề nghị không chuyển liên kết cho người khác):
    { $url }

## Trang nộp tệp tham luận (liên kết riêng của đơn vị)
upload-title = Nộp tệp tham luận
upload-heading = Nộp tham luận của { $unit }
upload-pick = Chọn tệp tham luận: một tệp Word (.docx, .doc), PDF, ODT hoặc TXT, tối đa { $mb } MB; hoặc ảnh chụp các trang (tối đa { $pages } ảnh, chọn theo thứ tự trang).
upload-send = Gửi tham luận
upload-expires = Liên kết này dành riêng cho đơn vị, dùng được đến { $time }. Cần liên kết mới thì gõ /thamluan trong cuộc trò chuyện với bot.
upload-bad-form = Không đọc được tệp vừa gửi; đề nghị đồng chí chọn lại tệp và gửi lại.
upload-too-large = Tệp gửi lên quá lớn (tổng cộng tối đa { $mb } MB); đề nghị đồng chí chọn tệp nhỏ hơn hoặc ít ảnh hơn. Chưa có gì được lưu.
upload-link-forged = Liên kết nộp tệp không hợp lệ; đề nghị đồng chí gõ /thamluan trong cuộc trò chuyện với bot để nhận liên kết mới.
upload-link-expired = Liên kết nộp tệp đã hết hiệu lực; đề nghị đồng chí gõ /thamluan trong cuộc trò chuyện với bot để nhận liên kết mới.
upload-link-not-yours = Liên kết nộp tệp này không còn dùng được cho tài khoản hoặc đơn vị đã cấp; đề nghị đồng chí gõ /thamluan trong cuộc trò chuyện với bot để nhận liên kết mới.
upload-no-file = Đồng chí chưa chọn tệp nào; đề nghị chọn tệp tham luận rồi bấm “Gửi tham luận”.
upload-one-document = Mỗi lần chỉ gửi một tệp Word, PDF, ODT hoặc TXT (không kèm tệp khác); đề nghị đồng chí chọn lại.
upload-too-many-pages = Mỗi lần gửi tối đa { $max } ảnh trang; đề nghị đồng chí chọn ít ảnh hơn.

## Dòng lệnh bên cạnh bot đang chạy
cli-spool-handing = Bot đang chạy và giữ tệp dữ liệu: đã chuyển việc này cho bot, đang chờ bot làm xong…
cli-spool-not-taken = Bot không nhận việc sau { $seconds } giây, nên yêu cầu đã được rút lại và chưa có gì thay đổi. Hãy kiểm tra bot còn chạy bình thường không (ví dụ: sudo systemctl status hoinghi), rồi chạy lại lệnh.
cli-spool-no-answer = Bot đã nhận việc (mã { $id }) nhưng chưa báo xong sau { $seconds } giây. Xem nhật ký của bot (ví dụ: sudo journalctl -u hoinghi) trước khi chạy lại lệnh, để không làm hai lần.
cli-spool-codes-issued = Bot đã cấp mã mời cho { $count } đơn vị còn thiếu.
cli-spool-failed = Bot không làm được việc này; chưa có gì thay đổi. Xem nhật ký của bot (ví dụ: sudo journalctl -u hoinghi).

## Góp ý dự thảo Thông báo kết luận bằng tệp (liên kết riêng của đơn vị)
conclusions-upload-offer = Nếu góp ý của { $unit } đã viết sẵn trong tệp Word, PDF hoặc ảnh chụp, đồng chí mở liên kết nộp tệp riêng dưới đây rồi chọn tệp để gửi (hiệu lực đến { $time }; đề nghị không chuyển liên kết cho người khác):
    { $url }
conclusions-upload-title = Góp ý dự thảo Thông báo kết luận
conclusions-upload-heading = Góp ý của { $unit } về dự thảo Thông báo kết luận
conclusions-upload-deadline = Đề nghị đơn vị góp ý trước ngày { $deadline }.
conclusions-upload-so-far = { $comments ->
        [0] Đơn vị chưa góp ý lần nào.
       *[other] Đơn vị đã góp ý { $comments } lần.
    }
conclusions-upload-issued = Thông báo kết luận đã ban hành (số { $number } ngày { $day }); không nhận góp ý nữa.
conclusions-upload-pick = Chọn tệp góp ý: tệp Word (.docx, .doc), PDF hoặc ảnh chụp các trang, mỗi tệp tối đa { $mb } MB, tối đa { $max } tệp.
conclusions-upload-send = Gửi góp ý
conclusions-upload-expires = Liên kết này dành riêng cho đơn vị, dùng được đến { $time }. Cần liên kết mới thì gõ /ketluan trong cuộc trò chuyện với bot.
conclusions-upload-saved = Đã ghi nhận góp ý của { $unit } ({ $files } tệp) về dự thảo Thông báo kết luận; Ban tổ chức xem xét trước khi ban hành.
