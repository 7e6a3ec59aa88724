# Kế hoạch khắc phục của các xã, thị trấn sau khi công bố Chỉ số CCHC (/khacphuc)
cmd-remedy = Kế hoạch khắc phục sau công bố Chỉ số CCHC: xem các tiêu chí cần khắc phục, hạn nộp, nộp kế hoạch (Ban tổ chức: theo dõi, duyệt, nhắc, giao thành nhiệm vụ)

## Gửi các xã, thị trấn
remedy-request = Kính gửi { $unit }: Chỉ số CCHC đã được công bố. Đề nghị đơn vị đánh giá, phân tích kết quả và xây dựng kế hoạch khắc phục (các giải pháp khắc phục, cải thiện chỉ số), gửi Ban tổ chức qua bot trước { $deadline }.
remedy-reminder = Kính gửi { $unit }: Ban tổ chức chưa nhận được kế hoạch khắc phục của đơn vị. Đề nghị đơn vị gửi kế hoạch qua bot trước { $deadline }.
remedy-deadline-none = hạn Ban tổ chức sẽ thông báo
remedy-headings-title = Các tiêu chí đơn vị bị trừ điểm nhiều nhất, đề nghị dùng làm đề mục của kế hoạch:
remedy-heading-line = - { $kind ->
        [field] Lĩnh vực
       *[other] Tiêu chí
    } { $label }: đạt { $final }/{ $max }, bị trừ { $lost } điểm
remedy-request-how = Gõ /khacphuc để xem hướng dẫn và nộp kế hoạch.
remedy-review-accepted = Ban tổ chức đã chấp nhận kế hoạch khắc phục (bản { $n }) của { $unit }. Trân trọng cảm ơn đơn vị.
remedy-review-changes = Ban tổ chức đề nghị { $unit } chỉnh sửa kế hoạch khắc phục (bản { $n }):
    “{ $note }”
    Đề nghị đơn vị gõ /khacphuc để nộp bản đã chỉnh sửa.

## Gửi Ban tổ chức
remedy-new-version = Kế hoạch khắc phục mới: { $unit } đã nộp bản { $n } lúc { $time } ({ $measures } giải pháp đọc được). Gõ /khacphuc { $id } để đọc và duyệt.

## /khacphuc của đơn vị
remedy-title = KẾ HOẠCH KHẮC PHỤC — { $unit }
remedy-deadline-line = Hạn nộp: { $deadline }.
remedy-deadline-line-over = Hạn nộp: { $deadline } (đã hết hạn).
remedy-deadline-line-none = Hạn nộp: Ban tổ chức sẽ thông báo sau khi công bố Chỉ số CCHC.
remedy-how = Cách nộp: gõ các giải pháp khắc phục, mỗi giải pháp một dòng, dưới đề mục tiêu chí mà giải pháp nhằm cải thiện, ví dụ:
    { $kind ->
            [field] Lĩnh vực
           *[other] Tiêu chí
        } { $code }:
    - Giải pháp thứ nhất
    - Giải pháp thứ hai
    Có thể gửi trong một hoặc nhiều tin nhắn; gửi xong thì gõ “xong”. Cũng có thể gửi tệp Word, PDF (tối đa 10 MB) hoặc ảnh chụp các trang. Gõ /khacphuc bo để bỏ phần đang soạn.
remedy-how-no-files = Cách nộp: gõ các giải pháp khắc phục, mỗi giải pháp một dòng, dưới đề mục tiêu chí mà giải pháp nhằm cải thiện, ví dụ:
    { $kind ->
            [field] Lĩnh vực
           *[other] Tiêu chí
        } { $code }:
    - Giải pháp thứ nhất
    - Giải pháp thứ hai
    Có thể gửi trong một hoặc nhiều tin nhắn; gửi xong thì gõ “xong”. Cũng có thể gửi ảnh chụp các trang. Gõ /khacphuc bo để bỏ phần đang soạn.
remedy-upload-offer = Nếu kế hoạch đã có sẵn tệp Word, PDF hoặc ảnh trong điện thoại, đồng chí mở liên kết nộp tệp riêng của { $unit } dưới đây rồi chọn tệp để gửi (hiệu lực đến { $time }; đề nghị không chuyển liên kết cho người khác):
    { $url }
remedy-closed = Đã hết hạn nộp kế hoạch khắc phục. Nếu cần nộp bổ sung, vui lòng liên hệ Ban tổ chức{ $contact }.
remedy-collecting-now = Đơn vị đang soạn kế hoạch ({ $parts } phần đã gửi). Gửi tiếp, hoặc gõ “xong” để nộp; gõ /khacphuc bo để bỏ.
remedy-choose = Đồng chí muốn nộp bản mới?
remedy-choice-new = Nộp bản mới
remedy-part-received = Đã nhận phần { $n } của kế hoạch. Gửi tiếp, hoặc gõ “xong” để nộp.
remedy-draft-dropped = Đã bỏ phần kế hoạch đang soạn; các bản đã nộp vẫn được giữ.
remedy-saved = Đã nhận kế hoạch khắc phục của { $unit }: bản { $n }{ $measures ->
        [0] {""}
       *[other] , { $measures } giải pháp
    }. Ban tổ chức sẽ xem và phản hồi qua bot.

## /khacphuc của Ban tổ chức
remedy-list-title = KẾ HOẠCH KHẮC PHỤC CỦA CÁC XÃ, THỊ TRẤN
remedy-counts = { $total } đơn vị: đã nộp chờ duyệt { $submitted } | đề nghị chỉnh sửa { $changes } | đã chấp nhận { $accepted } | chưa nộp { $none }
remedy-list-choose = Chọn đơn vị để đọc kế hoạch, hoặc nhắc các đơn vị chưa nộp:
remedy-choice-remind = Nhắc { $count } đơn vị chưa nộp
remedy-header = Kế hoạch khắc phục của { $unit }, bản { $n }/{ $total }, nộp lúc { $time } ({ $by }).
remedy-measures-title = Các giải pháp đọc được ({ $count }):
remedy-measure-line = { $n }. { $text }{ $criterion ->
        [none] {""}
       *[other] {" "}— tiêu chí { $criterion }
    }{ $task ->
        [0] {""}
       *[other] {" "}(đã giao: nhiệm vụ số { $task })
    }
remedy-measures-none-read = Chưa đọc được giải pháp nào từ bản này (kế hoạch gửi bằng tệp hoặc ảnh): có thể giao nhiệm vụ bằng /nhiemvu giao.
remedy-choice-tasks = Giao giải pháp thành nhiệm vụ
remedy-accepted = Đã chấp nhận kế hoạch khắc phục (bản { $n }) của { $unit }.
remedy-changes-sent = Đã gửi đề nghị chỉnh sửa kế hoạch khắc phục (bản { $n }) tới { $unit }.
remedy-ask-note = Vui lòng gõ nội dung đề nghị { $unit } chỉnh sửa kế hoạch (bản { $n }).
remedy-ask-tasks = Kế hoạch của { $unit } có { $count } giải pháp. Vui lòng gõ số các giải pháp cần giao thành nhiệm vụ và hạn hoàn thành, ví dụ: 1, 3 | 31/12 (hoặc: tất cả | 31/12).
remedy-tasks-usage = Vui lòng gõ số các giải pháp và hạn hoàn thành, cách nhau bởi dấu |, ví dụ: 1, 3 | 31/12/2027.
remedy-tasks-done = Đã giao { $count } nhiệm vụ cho { $unit }, hạn { $deadline }; đã báo cho { $sent } tài khoản của đơn vị.
remedy-task-made = - Nhiệm vụ số { $n }: { $content }{ $criterion ->
        [none] {""}
       *[other] {" "}(tiêu chí { $criterion })
    }
remedy-remind-nobody = Mọi xã, thị trấn đều đã nộp kế hoạch khắc phục; không cần nhắc.
remedy-remind-sent = Đã nhắc { $units } đơn vị chưa nộp kế hoạch khắc phục ({ $accounts } tài khoản đã nhận).
remedy-report-title = KẾ HOẠCH KHẮC PHỤC ({ $deadline })

## Kế hoạch khắc phục: nhập sai
remedy-not-a-commune = Lệnh này dành cho đại biểu của các xã, thị trấn (nộp kế hoạch khắc phục) và Ban tổ chức.
remedy-not-yet = Chỉ số CCHC chưa được công bố; kế hoạch khắc phục được nộp sau khi công bố.
remedy-deadline-passed = Đã hết hạn nộp kế hoạch khắc phục ({ $deadline }); nếu cần nộp bổ sung, vui lòng liên hệ Ban tổ chức{ $contact }.
remedy-remind-deadline-passed = Đã hết hạn nộp kế hoạch khắc phục ({ $deadline }): không nhắc nữa. Các đơn vị chưa nộp có tên trong /khacphuc.
remedy-empty = Kế hoạch không có nội dung; vui lòng gõ các giải pháp khắc phục.
remedy-note-missing = Vui lòng ghi rõ nội dung đề nghị chỉnh sửa.
remedy-stale = { $unit } vừa nộp bản { $n }; vui lòng đọc bản mới trước.
remedy-measures-none = Chưa chọn giải pháp nào để giao thành nhiệm vụ.
remedy-measure-unknown = Không có giải pháp số { $n } (kế hoạch có { $count } giải pháp).
remedy-measures-already-tasks = Các giải pháp đã chọn đều đã được giao thành nhiệm vụ.
remedy-report-missing = Chưa nộp: { $units }.

## Trang nộp tệp (Zalo)
remedy-upload-title = Nộp kế hoạch khắc phục
remedy-upload-send = Gửi kế hoạch
remedy-upload-expires = Liên kết này dành riêng cho đơn vị, dùng được đến { $time }. Cần liên kết mới thì gõ /khacphuc trong cuộc trò chuyện với bot.

## Bàn làm việc: trang Kế hoạch khắc phục
desk-nav-remedy = Khắc phục
desk-remedy-title = Kế hoạch khắc phục của các xã, thị trấn
desk-remedy-counts = Kế hoạch khắc phục ({ $total } đơn vị)
desk-remedy-col-status = Kế hoạch
desk-remedy-col-at = Nộp lúc
desk-remedy-all = Tất cả các đơn vị
desk-remedy-none = Đơn vị chưa nộp kế hoạch.
desk-remedy-criterion = tiêu chí { $code }
desk-remedy-tasked = đã giao: nhiệm vụ số { $n }
desk-remedy-make-tasks = Giao các giải pháp đã chọn thành nhiệm vụ
desk-remedy-deadline-missing = Vui lòng chọn hạn hoàn thành của các nhiệm vụ.
desk-remedy-col-unit = Đơn vị
