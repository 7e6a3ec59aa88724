# Nhiệm vụ sau hội nghị (/nhiemvu): giao, báo cáo tiến độ, hoàn thành, Ban tổ chức chấp nhận hoặc trả lại; nhắc hạn, tổng hợp hằng tháng; bảng theo dõi.

## Mô tả lệnh
cmd-tasks = Nhiệm vụ được giao sau hội nghị: xem, báo cáo tiến độ, báo cáo hoàn thành (Ban tổ chức: giao, chấp nhận, trả lại)
notice-kind-task = Nhắc nhiệm vụ

## Trạng thái (Quyết định số 42/2014/QĐ-TTg)
task-state-done_on_time = hoàn thành đúng hạn
task-state-done_late = hoàn thành quá hạn
task-state-open_on_time = chưa hoàn thành (trong hạn)
task-state-open_overdue = chưa hoàn thành (quá hạn)
task-every-none = không yêu cầu báo cáo định kỳ
task-every-weekly = hằng tuần
task-every-monthly = hằng tháng
task-counts = Tổng { $total }: hoàn thành đúng hạn { $done_on_time } | hoàn thành quá hạn { $done_late } | chưa hoàn thành (trong hạn) { $open_on_time } | chưa hoàn thành (quá hạn) { $open_overdue }
task-criterion-change = Tiêu chí { $code }: { $before } → { $after }/{ $max }

## Một nhiệm vụ
task-line = Số { $n } ({ $unit }): { $content }{ $criterion ->
        [none] {""}
       *[other] {" "}— tiêu chí { $criterion }
    } — hạn { $deadline } — { $state }{ $pending ->
        [yes] , đã báo cáo hoàn thành, chờ Ban tổ chức xem xét
       *[other] {""}
    }
task-detail-title = NHIỆM VỤ SỐ { $n } — { $unit }
task-detail-content = Nội dung: { $content }
task-detail-supporting = Đơn vị phối hợp: { $units }
task-detail-criterion = Tiêu chí: { $criterion }
task-detail-criterion-score = Tiêu chí: { $code } (năm { $year } đạt { $final }/{ $max } điểm)
task-detail-deadline = Hạn hoàn thành: { $deadline }{ $when ->
        [today] {" "}(hết hạn hôm nay)
        [left] {" "}(còn { $days } ngày)
        [overdue] {" "}(đã quá hạn { $days } ngày)
       *[other] {""}
    }
task-detail-expected = Kết quả, minh chứng cần có: { $expected }
task-detail-every = Báo cáo tiến độ: { $every }
task-detail-state = Trạng thái: { $state }
task-detail-pending = Đơn vị đã báo cáo hoàn thành lúc { $time }, chờ Ban tổ chức xem xét.
task-detail-returned = Ban tổ chức đã trả lại báo cáo hoàn thành lúc { $time }: { $note }
task-detail-reports = Các báo cáo ({ $count }):
task-detail-report = - { $time }, { $kind ->
        [done] báo cáo hoàn thành
       *[other] tiến độ
    }{ $text ->
        [none] {""}
       *[other] : { $text }
    }{ $files ->
        [0] {""}
       *[other] {" "}(kèm { $files } tệp minh chứng)
    }

## Đơn vị xem nhiệm vụ
task-unit-title = NHIỆM VỤ CỦA { $unit } ({ $count }):
task-unit-none = { $unit } chưa được giao nhiệm vụ nào sau hội nghị.
task-unit-hint = Chọn một nhiệm vụ để báo cáo tiến độ (gõ nội dung, gửi ảnh minh chứng) hoặc báo cáo đã hoàn thành. Cũng có thể gõ /nhiemvu SỐ nội dung báo cáo, hoặc /nhiemvu SỐ xong kết quả đạt được.
task-unit-hint-organizer = Chọn một nhiệm vụ để xem chi tiết.
task-choice-open = Số { $n }: { $content }
task-choice-progress = Báo cáo tiến độ
task-choice-done = Báo cáo đã hoàn thành
task-report-ask = Vui lòng gõ nội dung báo cáo tiến độ nhiệm vụ số { $n }, hoặc gửi ảnh minh chứng. Khi đã hoàn thành, gõ "xong" hoặc "đã hoàn thành" kèm kết quả đạt được.
task-done-ask = Vui lòng gõ kết quả đạt được của nhiệm vụ số { $n } (có thể gửi ảnh minh chứng trước, rồi gõ kết quả).
task-progress-saved = Đã ghi nhận báo cáo tiến độ nhiệm vụ số { $n } (báo cáo { $report }{ $files ->
        [0] {""}
       *[other] , kèm { $files } tệp minh chứng
    }). Đồng chí có thể gửi thêm ảnh minh chứng; khi hoàn thành, gõ "xong" kèm kết quả đạt được.
task-done-saved = Đã ghi nhận báo cáo hoàn thành nhiệm vụ số { $n } của { $unit }. Ban tổ chức sẽ xem xét và thông báo kết quả.

## Ban tổ chức
task-none-yet = Chưa có nhiệm vụ nào được giao. Giao nhiệm vụ: /nhiemvu giao Đơn vị | Nội dung | Tiêu chí | Hạn (ví dụ: /nhiemvu giao Mường So | Rà soát, công khai thủ tục hành chính | 3 | 30/6), hoặc gõ /nhiemvu giao để được hỏi từng bước.
task-overview-title = NHIỆM VỤ SAU HỘI NGHỊ ({ $count }):
task-overview-unit = - { $unit }: { $counts }
task-overview-overdue = Quá hạn ({ $count }):
task-overview-awaiting = Báo cáo hoàn thành chờ Ban tổ chức xem xét ({ $count }):
task-overview-hint = Xem nhiệm vụ của một đơn vị: /nhiemvu Tên đơn vị. Xem một nhiệm vụ: /nhiemvu SỐ. Giao nhiệm vụ: /nhiemvu giao.
task-choice-review = Xem xét số { $n } ({ $unit })
task-choice-accept = Chấp nhận hoàn thành
task-choice-return = Trả lại kèm ghi chú
task-return-ask = Vui lòng gõ ghi chú trả lại báo cáo hoàn thành nhiệm vụ số { $n } (nêu rõ cần bổ sung gì).
task-accepted-done = Đã chấp nhận hoàn thành nhiệm vụ số { $n } của { $unit } ({ $state }); đã báo cho { $sent } tài khoản của đơn vị.
task-returned-done = Đã trả lại báo cáo hoàn thành nhiệm vụ số { $n } của { $unit } kèm ghi chú; đã báo cho { $sent } tài khoản của đơn vị.
task-report-title = NHIỆM VỤ SAU HỘI NGHỊ ({ $count })

## Giao nhiệm vụ
task-ask-unit = Giao nhiệm vụ cho đơn vị nào? Vui lòng gõ tên { $localUnits } hoặc cơ quan (ví dụ: Mường So).
task-ask-content = Vui lòng gõ nội dung nhiệm vụ giao cho { $unit }.
task-ask-criterion = Nhiệm vụ phục vụ tiêu chí nào? Các tiêu chí đơn vị bị trừ điểm nhiều nhất được gợi ý trước; cũng có thể gõ mã tiêu chí (ví dụ: tiêu chí 3.2), hoặc chọn không gắn tiêu chí.
task-ask-criterion-no-scores = Nhiệm vụ phục vụ tiêu chí nào? Gõ mã tiêu chí (ví dụ: tiêu chí 3.2), hoặc chọn không gắn tiêu chí.
task-criterion-choice = Tiêu chí { $code }. { $name } (đạt { $final }/{ $max })
task-criterion-none = Không gắn tiêu chí
task-ask-deadline = Vui lòng gõ hạn hoàn thành, ví dụ: 30/6 hoặc 30/6/2027.
task-confirm = Giao nhiệm vụ sau?
    Đơn vị: { $unit }
    Nội dung: { $content }
    Tiêu chí: { $criterion ->
        [none] không gắn tiêu chí
       *[other] { $criterion }
    }
    Hạn hoàn thành: { $deadline }
task-choice-assign = Giao nhiệm vụ
task-choice-cancel = Hủy
task-assign-cancelled = Đã hủy, không giao nhiệm vụ nào.
task-assigned-done = Đã giao nhiệm vụ số { $n } cho { $unit }, hạn { $deadline }; đã báo cho { $sent } tài khoản của đơn vị.
task-assigned-nobody = Đã giao nhiệm vụ số { $n } cho { $unit }, hạn { $deadline }. Đơn vị chưa có tài khoản nào trên bot: đơn vị sẽ thấy nhiệm vụ khi tham gia.

## Tin gửi đơn vị và Ban tổ chức
task-assigned-notice = Kính gửi { $unit }: Ban tổ chức giao nhiệm vụ số { $n }.
    Nội dung: { $content }{ $criterion ->
        [none] {""}
       *[other] {""}
            Tiêu chí: { $criterion }
    }
    Hạn hoàn thành: { $deadline }{ $expected ->
        [none] {""}
       *[other] {""}
            Kết quả, minh chứng cần có: { $expected }
    }
    Báo cáo tiến độ: { $every }
    Gõ /nhiemvu để xem và báo cáo.
task-done-reported = { $unit } báo cáo đã hoàn thành nhiệm vụ số { $n }: { $content }{ $text ->
        [none] {""}
       *[other] {""}
            Kết quả: { $text }
    }{ $files ->
        [0] {""}
       *[other] {" "}(kèm { $files } tệp minh chứng)
    }
    Gõ /nhiemvu { $n } để chấp nhận hoặc trả lại kèm ghi chú.
task-accepted-notice = Kính gửi { $unit }: Ban tổ chức đã chấp nhận kết quả nhiệm vụ số { $n } ({ $content }): { $state }. Trân trọng.
task-returned-notice = Kính gửi { $unit }: Ban tổ chức trả lại báo cáo hoàn thành nhiệm vụ số { $n } ({ $content }).
    Ghi chú: { $note }
    Đề nghị đơn vị bổ sung rồi báo cáo lại (/nhiemvu { $n }).
task-reminder-before = Kính gửi { $unit }: nhiệm vụ số { $n } ({ $content }) { $days ->
        [0] hết hạn hôm nay
       *[other] còn { $days } ngày đến hạn
    } ({ $deadline }). Đề nghị đơn vị hoàn thành và báo cáo (/nhiemvu { $n }).
task-reminder-overdue = Kính gửi { $unit }: nhiệm vụ số { $n } ({ $content }) đã quá hạn { $days } ngày (hạn { $deadline }). Đề nghị đơn vị khẩn trương hoàn thành và báo cáo (/nhiemvu { $n }).
task-reminder-report = Kính gửi { $unit }: đề nghị đơn vị báo cáo tiến độ nhiệm vụ số { $n } ({ $content }), hạn { $deadline }; báo cáo { $every } (/nhiemvu { $n }).
task-digest-title = TỔNG HỢP NHIỆM VỤ SAU HỘI NGHỊ — THÁNG { $month }
task-digest-units = Theo đơn vị:
task-digest-unit = - { $unit }: { $counts }
task-digest-overdue = Nhiệm vụ quá hạn ({ $count }):
task-digest-overdue-line = - Số { $n }, { $unit }: { $content } (hạn { $deadline }, quá { $days } ngày)
task-digest-awaiting = Báo cáo hoàn thành chờ Ban tổ chức xem xét: { $count }.

## Từ chối
task-no-content = Vui lòng ghi nội dung nhiệm vụ.
task-too-long = Nội dung dài quá { $max } ký tự. Vui lòng rút gọn.
task-bad-criterion = "{ $code }" không phải mã tiêu chí. Vui lòng ghi mã như 3 (lĩnh vực), 3.2 (tiêu chí) hoặc 4.2.1, hoặc để trống.
task-bad-deadline = Không đọc được hạn "{ $text }". Vui lòng ghi ngày như 30/6 hoặc 30/6/2027.
task-deadline-past = Hạn { $day } đã qua. Vui lòng ghi một ngày từ hôm nay trở đi.
task-none = Không có nhiệm vụ nào để giao.
tasks-preview-gone = Bản xem trước này không còn (đã xác nhận, đã hủy hoặc đã được thay bằng bản mới). Vui lòng tải tệp lên lại.
task-unknown = Không có nhiệm vụ số { $n } của đơn vị. Gõ /nhiemvu để xem các nhiệm vụ.
task-already-done = Nhiệm vụ số { $n } đã được Ban tổ chức chấp nhận hoàn thành.
task-done-pending = Nhiệm vụ số { $n } đã được báo cáo hoàn thành, đang chờ Ban tổ chức xem xét. Đồng chí vẫn có thể gửi thêm báo cáo tiến độ, ảnh minh chứng.
task-report-empty = Vui lòng gõ nội dung báo cáo hoặc gửi ảnh minh chứng.
task-return-no-note = Vui lòng ghi rõ lý do trả lại (cần bổ sung gì).
task-nothing-to-decide = Nhiệm vụ số { $n } không có báo cáo hoàn thành nào đang chờ xem xét.
task-decision-stale = Nhiệm vụ số { $n } vừa có báo cáo mới. Vui lòng gõ /nhiemvu { $n } để xem lại rồi quyết định.
task-no-unit = Đồng chí chưa tham gia với tư cách đại biểu của đơn vị nào. Vui lòng dùng mã mời trong giấy mời (/start MÃ).
task-delegate-usage = Vui lòng ghi số nhiệm vụ: /nhiemvu SỐ nội dung báo cáo, hoặc /nhiemvu SỐ xong kết quả đạt được. Gõ /nhiemvu để xem các nhiệm vụ.
task-organizer-usage = Vui lòng gõ /nhiemvu SỐ để xem, /nhiemvu SỐ chapnhan để chấp nhận, /nhiemvu SỐ tralai Ghi chú để trả lại.
task-assign-usage = Vui lòng gõ: /nhiemvu giao Đơn vị | Nội dung | Tiêu chí | Hạn (tiêu chí có thể bỏ trống; nhiều đơn vị cách nhau bằng dấu phẩy), hoặc /nhiemvu giao để được hỏi từng bước.
task-file-type = Chỉ nhận ảnh (JPG, PNG) hoặc tệp PDF, Word, Excel làm minh chứng.
task-file-too-large = Tệp minh chứng lớn quá { $mb } MB.

## Bảng theo dõi nhiệm vụ (.xlsx)
task-sheet-name = Theo dõi nhiệm vụ
task-sheet-title = BẢNG THEO DÕI NHIỆM VỤ
task-sheet-as-of = (Tính đến ngày { $date })
task-sheet-col-no = STT
task-sheet-col-unit = Đơn vị chủ trì
task-sheet-col-content = Nội dung nhiệm vụ
task-sheet-col-criterion = Tiêu chí
task-sheet-col-deadline = Hạn hoàn thành
task-sheet-col-result = Kết quả, minh chứng
task-sheet-col-state = Trạng thái
task-sheet-col-change = Thay đổi của tiêu chí
task-sheet-supporting = Phối hợp: { $units }
task-sheet-criterion-score = { $code } (năm { $year }: { $final }/{ $max })
task-sheet-expected = Yêu cầu: { $expected }
task-sheet-last-report = Báo cáo ngày { $time }{ $text ->
        [none] {""}
       *[other] : { $text }
    }{ $files ->
        [0] {""}
       *[other] {" "}({ $files } tệp minh chứng)
    }
task-sheet-returned = Ban tổ chức trả lại: { $note }
task-sheet-pending = (đã báo cáo hoàn thành, chờ xem xét)

## Nhập nhiệm vụ từ bảng tính
task-import-refused = Chưa nhập được tệp { $file }: có { $count } lỗi, chưa giao nhiệm vụ nào.
task-import-row = - Dòng { $line }: { $reason }
task-import-more = - … và { $count } lỗi khác.
task-import-refused-footer = Vui lòng sửa các dòng trên rồi tải tệp lên lại.
task-import-preview = Tệp { $file }: { $rows } nhiệm vụ; xác nhận sẽ giao { $adds } nhiệm vụ mới.
task-import-preview-row = - { $unit }: { $content }{ $criterion ->
        [none] {""}
       *[other] {" "}— tiêu chí { $criterion }
    } — hạn { $deadline }
task-import-preview-dup = - { $unit }: { $content } — đã giao trước đây, bỏ qua
task-err-no-header = không thấy dòng tiêu đề (cần có các cột Đơn vị chủ trì, Nội dung nhiệm vụ, Hạn hoàn thành).
task-err-no-rows = tệp không có nhiệm vụ nào.
task-err-no-unit = thiếu đơn vị chủ trì.
task-err-unit = không có đơn vị "{ $unit }" trong danh sách đơn vị của hội nghị.
task-err-unit-suggest = không có đơn vị "{ $unit }". Có phải: { $suggestions }?
task-err-no-content = thiếu nội dung nhiệm vụ.
task-err-criterion = "{ $code }" không phải mã tiêu chí (ví dụ đúng: 3, 3.2, 4.2.1).
task-err-deadline = không đọc được hạn "{ $text }" (ghi như 30/6/2027).
task-err-deadline-past = hạn "{ $text }" đã qua.
task-err-every = không hiểu "{ $text }" ở cột báo cáo định kỳ (để trống, "hằng tuần" hoặc "hằng tháng").
task-template-sheet = Nhiệm vụ
task-template-note-1 = BẢNG GIAO NHIỆM VỤ SAU HỘI NGHỊ. Mỗi dòng một nhiệm vụ; tên đơn vị ghi như trong danh sách đơn vị của hội nghị (ví dụ: Mường So).
task-template-note-2 = Tiêu chí ghi mã (3, 3.2, 4.2.1) hoặc để trống; hạn ghi ngày (30/6/2027); báo cáo định kỳ: để trống, "hằng tuần" hoặc "hằng tháng". Trang "Gợi ý tiêu chí" liệt kê các tiêu chí mỗi đơn vị bị trừ điểm nhiều nhất.
task-template-col-no = STT
task-template-col-unit = Đơn vị chủ trì
task-template-col-supporting = Đơn vị phối hợp
task-template-col-content = Nội dung nhiệm vụ
task-template-col-criterion = Tiêu chí
task-template-col-deadline = Hạn hoàn thành
task-template-col-expected = Kết quả, minh chứng
task-template-col-every = Báo cáo định kỳ
task-template-hints-sheet = Gợi ý tiêu chí
task-template-hints-unit = Đơn vị
task-template-hints-criteria = Tiêu chí bị trừ điểm nhiều nhất (đạt/tối đa)

## Dòng lệnh
task-cli-usage = Cách dùng: hoinghi tasks TỆP.xlsx; hoinghi import-tasks TỆP.xlsx|TỆP.csv [--check]; hoinghi tasks-template TỆP.xlsx
task-cli-sheet-written = Đã ghi bảng theo dõi nhiệm vụ { $file } ({ $count } nhiệm vụ).
task-cli-nothing-new = Không có nhiệm vụ mới: các nhiệm vụ trong tệp đều đã được giao.
task-cli-imported = Đã giao { $count } nhiệm vụ cho { $units } đơn vị. Thông báo tới các đơn vị đã được xếp vào hàng gửi và sẽ được gửi khi bot chạy.
task-cli-template-written = Đã ghi tệp mẫu { $file }.

## Bàn làm việc: trang Nhiệm vụ
desk-nav-tasks = Nhiệm vụ
desk-tasks-title = Nhiệm vụ sau hội nghị
desk-tasks-counts = Số nhiệm vụ theo trạng thái (tổng { $count })
desk-tasks-awaiting = Báo cáo hoàn thành chờ xem xét: { $count }.
desk-tasks-note = Ghi chú trả lại
desk-tasks-files = { $count } tệp minh chứng
desk-tasks-filter-unit = Đơn vị
desk-tasks-filter-state = Trạng thái
desk-tasks-all = Tất cả
desk-tasks-filter = Lọc
desk-tasks-none = Không có nhiệm vụ nào.
desk-tasks-col-n = Số
desk-tasks-col-report = Báo cáo mới nhất
desk-tasks-assign = Giao nhiệm vụ (mỗi dòng một nhiệm vụ; dòng để trống nội dung được bỏ qua)
desk-tasks-assign-button = Giao các nhiệm vụ
desk-tasks-weakest = Gợi ý: các tiêu chí mỗi đơn vị bị trừ điểm nhiều nhất (đạt/tối đa)
desk-tasks-download = Tải bảng theo dõi nhiệm vụ (.xlsx)
desk-tasks-template = Tải tệp mẫu giao nhiệm vụ (.xlsx)
desk-tasks-import = Giao nhiệm vụ từ bảng tính
desk-tasks-upload = Chọn tệp .xlsx hoặc .csv (tối đa { $mb } MB); bot kiểm tra từng dòng và cho xem trước khi giao.
desk-tasks-confirm = Xác nhận giao { $count } nhiệm vụ
desk-tasks-assigned = Đã giao { $count } nhiệm vụ (số { $numbers }); các đơn vị đã được báo.
desk-tasks-import-cancelled = Đã hủy, không giao nhiệm vụ nào.
desk-tasks-row-incomplete = Dòng { $row }: thiếu đơn vị hoặc hạn hoàn thành. Không nhiệm vụ nào được giao.
desk-tasks-row-none = Chưa có dòng nào ghi nội dung nhiệm vụ.
desk-tasks-row = Dòng { $n }

## Giao nhiệm vụ: đơn vị phối hợp, báo cáo định kỳ; minh chứng qua liên kết (Zalo)
task-confirm-more = Đơn vị phối hợp: { $supporting ->
        [none] không có
       *[other] { $supporting }
    }
    Báo cáo tiến độ: { $every }
task-choice-supporting = Thêm đơn vị phối hợp
task-choice-every-weekly = Báo cáo tiến độ hằng tuần
task-choice-every-monthly = Báo cáo tiến độ hằng tháng
task-choice-every-none = Không yêu cầu báo cáo định kỳ
task-ask-supporting = Vui lòng gõ tên các đơn vị phối hợp, cách nhau bởi dấu phẩy (ví dụ: Văn phòng HĐND và UBND huyện, Phòng Nội vụ), hoặc gõ “không”.
task-upload-offer = Để gửi tệp minh chứng (ảnh, PDF, Word, Excel) cho nhiệm vụ số { $n }, đồng chí mở liên kết riêng dưới đây rồi chọn tệp (hiệu lực đến { $time }; đề nghị không chuyển liên kết cho người khác):
    { $url }
desk-tasks-evidence = Minh chứng:
desk-tasks-col-supporting = Đơn vị phối hợp
desk-tasks-col-every = Báo cáo định kỳ
task-upload-title = Gửi minh chứng nhiệm vụ
task-upload-heading = Minh chứng nhiệm vụ số { $n } — { $unit }
task-upload-deadline = Hạn hoàn thành: { $deadline }
task-upload-pick = Chọn ảnh hoặc tệp PDF, Word, Excel làm minh chứng (mỗi tệp tối đa { $mb } MB, tối đa { $max } tệp).
task-upload-send = Gửi minh chứng
task-upload-expires = Liên kết này dành riêng cho đơn vị, dùng được đến { $time }. Cần liên kết mới thì gõ /nhiemvu trong cuộc trò chuyện với bot.
