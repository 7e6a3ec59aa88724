# Thông báo kết luận Hội nghị (Nghị định 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.4): dự thảo, xin ý kiến, góp ý, ban hành (/ketluan, bàn làm việc, hoinghi conclusions).

## Mô tả lệnh
cmd-conclusions = Thông báo kết luận Hội nghị: xem bản đã ban hành và nhiệm vụ của đơn vị; góp ý dự thảo (Ban tổ chức: tình hình dự thảo, góp ý, đã nhận)
notice-kind-conclusions = Thông báo kết luận

## Văn bản (.docx)
conclusions-kind = THÔNG BÁO
conclusions-summary = Kết luận của { $chair } tại { $title }
conclusions-default-issuer = Văn phòng HĐND và UBND huyện
conclusions-default-header = VĂN PHÒNG / HĐND VÀ UBND HUYỆN
conclusions-header-parent = UBND { $body }
conclusions-default-signer = KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG
conclusions-draft-mark = DỰ THẢO
conclusions-draft-comments = (Gửi các cơ quan, đơn vị góp ý trước ngày { $day })
conclusions-opening = Ngày { $day }, tại { $place }, { $chair } chủ trì { $title }. Tham dự Hội nghị có { $present }/{ $invited } đại biểu được mời, đại diện { $unitsPresent }/{ $units } cơ quan, đơn vị và UBND các xã, thị trấn.
conclusions-opening-no-day = { $chair } chủ trì { $title }. Tham dự Hội nghị có { $present }/{ $invited } đại biểu được mời, đại diện { $unitsPresent }/{ $units } cơ quan, đơn vị và UBND các xã, thị trấn.
conclusions-heard = Sau khi nghe báo cáo phân tích kết quả Chỉ số cải cách hành chính, ý kiến tham luận, phát biểu của các đại biểu dự Hội nghị, { $chair } kết luận như sau:
conclusions-part-heading = { $n }. { $title }
conclusions-part-assessment = Đánh giá kết quả đạt được
conclusions-part-shortcomings = Tồn tại, hạn chế và nguyên nhân
conclusions-part-solutions = Nhiệm vụ, giải pháp trong thời gian tới
conclusions-part-tasks = Giao nhiệm vụ cụ thể cho các cơ quan, đơn vị
conclusions-part-empty = (Phần này chưa viết.)
conclusions-tasks-lead = Giao các cơ quan, đơn vị, UBND các xã, thị trấn tổ chức thực hiện các nhiệm vụ sau, báo cáo kết quả thực hiện đúng thời hạn:
conclusions-task-unit = { $letter }) { $unit }:
conclusions-task = { $content }. Thời hạn hoàn thành: ngày { $deadline }.
conclusions-task-criterion = { $content } (tiêu chí { $criterion }). Thời hạn hoàn thành: ngày { $deadline }.
conclusions-closing = { $issuer } thông báo để các cơ quan, đơn vị biết, thực hiện./.
conclusions-recipient-units = Các cơ quan, đơn vị, UBND các xã, thị trấn

## Lời từ chối
conclusions-issued-locked = Thông báo kết luận đã ban hành (số { $number } ngày { $day }), không sửa được nữa.
conclusions-too-many-parts = Thông báo kết luận có tối đa { $max } phần thêm.
conclusions-part-no-title = Phần thêm cần có tên phần.
conclusions-title-too-long = Tên phần dài quá { $max } ký tự.
conclusions-part-too-long = Mỗi phần của Thông báo kết luận dài tối đa { $max } ký tự.
conclusions-empty = Dự thảo chưa có phần đánh giá kết quả đạt được: vui lòng viết phần này trước.
conclusions-no-units = Vui lòng chọn ít nhất một đơn vị để xin ý kiến.
conclusions-deadline-past = Ngày { $day } đã qua: vui lòng chọn hạn góp ý từ hôm nay trở đi.
conclusions-bad-deadline = Hạn góp ý không phải một ngày (ví dụ: 28/6/2027).
conclusions-comment-empty = Vui lòng gõ nội dung góp ý sau /ketluan gopy.
conclusions-comment-too-long = Góp ý dài tối đa { $max } ký tự.
conclusions-no-consultation = Dự thảo Thông báo kết luận hiện không gửi xin ý kiến.
conclusions-not-asked = Dự thảo Thông báo kết luận không gửi xin ý kiến đơn vị của đồng chí.
conclusions-no-unit = Đồng chí chưa thuộc đơn vị nào: gõ mã mời của đơn vị trước khi góp ý.
conclusions-bad-number = Số văn bản chỉ gồm chữ số (và chữ cái), tối đa 12 ký tự, ví dụ: 125.
conclusions-bad-day = Ngày ban hành không phải một ngày (ví dụ: 25/6/2027).
conclusions-day-future = Ngày ban hành { $day } chưa đến.

## Thông báo gửi đơn vị
conclusions-notice-draft =
    Kính gửi { $unit }: Ban tổ chức gửi dự thảo Thông báo kết luận Hội nghị (tệp kèm theo), đề nghị đơn vị góp ý trước ngày { $deadline }.
    Góp ý: gõ /ketluan gopy và nội dung góp ý.
conclusions-notice-issued =
    Kính gửi { $unit }: Thông báo số { $number } ngày { $day } kết luận Hội nghị (tệp kèm theo). Nhiệm vụ giao đơn vị, ghi đầu tiên trong phần giao nhiệm vụ của bản gửi đơn vị:
    { $tasks }
    Xem lại: /ketluan
conclusions-notice-issued-none = Kính gửi { $unit }: Thông báo số { $number } ngày { $day } kết luận Hội nghị (tệp kèm theo), để đơn vị biết, thực hiện. Xem lại: /ketluan
conclusions-comment-notice = { $unit } góp ý dự thảo Thông báo kết luận: { $text }

## Trò chuyện (/ketluan)
conclusions-none = Chưa có Thông báo kết luận Hội nghị.
conclusions-issued-title = THÔNG BÁO KẾT LUẬN số { $number } ngày { $day } (tệp kèm theo).
conclusions-unit-tasks = Nhiệm vụ giao { $unit } ({ $count }):
conclusions-unit-task = { $n }. { $content } — hạn { $deadline }
conclusions-unit-no-tasks = Thông báo không giao nhiệm vụ riêng cho { $unit }.
conclusions-asked = Dự thảo Thông báo kết luận (tệp kèm theo) đang xin ý kiến; đề nghị { $unit } góp ý trước ngày { $deadline }.{ $comments ->
        [0] {""}
       *[other] {" "}Đơn vị đã góp ý { $comments } lần.
    }
conclusions-comment-choice = Góp ý dự thảo
conclusions-comment-ask = Vui lòng gõ nội dung góp ý dự thảo Thông báo kết luận (một tin nhắn).
conclusions-comment-saved = Đã ghi nhận góp ý của { $unit } về dự thảo Thông báo kết luận; Ban tổ chức xem xét trước khi ban hành.
conclusions-status-draft = THÔNG BÁO KẾT LUẬN — dự thảo: đã viết { $written } phần; phần giao nhiệm vụ có { $tasks } nhiệm vụ.
conclusions-status-comments = THÔNG BÁO KẾT LUẬN — dự thảo đang xin ý kiến đến hết ngày { $deadline }: đã viết { $written } phần; { $tasks } nhiệm vụ.
conclusions-status-issued = THÔNG BÁO KẾT LUẬN — đã ban hành số { $number } ngày { $day }.
conclusions-status-asked = Đã gửi xin ý kiến { $units } đơn vị: { $acked } đơn vị đã nhận, { $commented } đơn vị đã góp ý.
conclusions-status-unit = - { $unit }: { $acked ->
        [0] chưa nhận
       *[other] đã nhận
    }{ $comments ->
        [0] {""}
       *[other] , { $comments } góp ý
    }
conclusions-status-comments-title = Góp ý của các đơn vị ({ $count }):
conclusions-status-comment = - { $unit } ({ $time }){ $late ->
        [yes] {" "}[sau hạn]
       *[other] {""}
    }: { $text }
conclusions-status-sent = Đã gửi { $units } đơn vị: { $acked } đơn vị đã nhận.
conclusions-status-missing = Chưa nhận: { $units }
conclusions-status-hint = Soạn, gửi xin ý kiến và ban hành trên bàn làm việc (/web, mục Kết luận).
conclusions-usage = Cách dùng: /ketluan (xem); /ketluan gopy <nội dung góp ý> (đơn vị được xin ý kiến).

## Bàn làm việc
desk-nav-conclusions = Kết luận
desk-conclusions-title = Thông báo kết luận Hội nghị
desk-conclusions-stage-draft = Dự thảo, chưa gửi xin ý kiến.
desk-conclusions-stage-comments = Dự thảo đang xin ý kiến đến hết ngày { $deadline }.
desk-conclusions-stage-issued = Đã ban hành số { $number } ngày { $day }; không sửa được nữa.
desk-conclusions-edit = Các phần của Thông báo
desk-conclusions-extra = Phần thêm { $n }
desk-conclusions-extra-title = Tên phần
desk-conclusions-extra-text = Nội dung
desk-conclusions-parts-hint = Mỗi dòng là một đoạn; dòng bắt đầu bằng dấu "-" là một ý gạch đầu dòng. Phần mở đầu (thời gian, địa điểm, chủ trì, số đại biểu) và phần giao nhiệm vụ (theo mục Nhiệm vụ) được điền tự động.
desk-conclusions-save = Lưu dự thảo
desk-conclusions-saved = Đã lưu dự thảo Thông báo kết luận.
desk-conclusions-preview = Xem trước
desk-conclusions-download = Tải về (.docx)
desk-conclusions-download-unit = Bản gửi đơn vị:
desk-conclusions-comments = Góp ý của các đơn vị
desk-conclusions-no-comments = Chưa có góp ý.
desk-conclusions-late = sau hạn
desk-conclusions-ask = Gửi xin ý kiến
desk-conclusions-ask-units = Đơn vị được xin ý kiến (đánh dấu sẵn: các đơn vị có nhiệm vụ)
desk-conclusions-ask-deadline = Góp ý trước ngày
desk-conclusions-ask-button = Gửi dự thảo xin ý kiến
desk-conclusions-asked = Đã gửi dự thảo xin ý kiến { $units } đơn vị, hạn góp ý { $deadline }.{ $without ->
        [0] {""}
       *[other] {" "}{ $without } đơn vị chưa có ai tham gia sẽ nhận khi có người tham gia: { $names }.
    }
desk-conclusions-issue = Ban hành
desk-conclusions-issue-number = Số văn bản
desk-conclusions-issue-day = Ngày ban hành
desk-conclusions-issue-button = Ban hành…
desk-conclusions-confirm-what = Ban hành Thông báo số { $number }/{ $symbol } ngày { $day }.
desk-conclusions-confirm-sent = Mỗi đơn vị nhận bản của mình (nhiệm vụ của đơn vị ghi đầu tiên) kèm nút "Đã nhận": { $units } đơn vị có người tham gia.
desk-conclusions-confirm-final = Sau khi ban hành, Thông báo giữ nguyên số, ngày và nội dung; không sửa được nữa.
desk-conclusions-issued = Đã ban hành Thông báo số { $number } ngày { $day }; đã gửi { $units } đơn vị.{ $without ->
        [0] {""}
       *[other] {" "}{ $without } đơn vị chưa có ai tham gia sẽ nhận khi có người tham gia: { $names }.
    }
desk-conclusions-reach = Đơn vị đã nhận
desk-conclusions-col-unit = Đơn vị
desk-conclusions-col-acked = Đã nhận
desk-conclusions-col-comments = Góp ý
desk-conclusions-acked = { $acked }/{ $accounts } tài khoản
desk-conclusions-preview-title = Xem trước Thông báo kết luận

## Dòng lệnh
cli-conclusions-missing-file = Thiếu tên tệp: hoinghi conclusions TỆP.docx
cli-conclusions-done-issued = Đã ghi Thông báo kết luận số { $number } vào { $file }.
cli-conclusions-done-draft = Đã ghi dự thảo Thông báo kết luận (chưa ban hành) vào { $file }.
cli-conclusions-usage = Cách dùng: hoinghi conclusions TỆP.docx (Thông báo kết luận đã ban hành, hoặc dự thảo khi chưa ban hành)

## Góp ý bằng tệp (qua liên kết nộp tệp riêng của đơn vị)
conclusions-comment-file-type = Góp ý bằng tệp chỉ nhận tệp Word (.docx, .doc), PDF hoặc ảnh (JPG, PNG).
conclusions-comment-file-too-large = Mỗi tệp góp ý tối đa { $mb } MB; tệp trống không được nhận.
conclusions-comment-no-file = Đồng chí chưa chọn tệp nào; đề nghị chọn tệp góp ý rồi bấm “Gửi góp ý”.
conclusions-comment-file-notice = { $unit } góp ý dự thảo Thông báo kết luận bằng { $files } tệp ({ $names }); xem và tải về trên bàn làm việc, mục Kết luận.
conclusions-status-comment-files = [{ $files } tệp: { $names }]
desk-conclusions-file-size = { $kb } KB
desk-conclusions-by-file = góp ý bằng tệp
