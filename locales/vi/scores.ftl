# Chỉ số CCHC: tra cứu kết quả, xếp hạng, nhập bảng điểm, công bố.

## Mô tả lệnh
cmd-score = Kết quả Chỉ số CCHC của một đơn vị (không ghi tên: đơn vị của đồng chí)
cmd-ranking = Bảng xếp hạng Chỉ số CCHC của các đơn vị, kèm biểu đồ
cmd-import-scores = Nhập bảng điểm Chỉ số CCHC từ tệp .xlsx hoặc .csv (Ban tổ chức)
cmd-publish = Công bố kết quả Chỉ số CCHC (Ban tổ chức)

## Đánh dấu
scores-sample-mark = [DỮ LIỆU MẪU — không phải kết quả chính thức]
scores-preview-mark = [CHƯA CÔNG BỐ — bản xem trước, chỉ Ban tổ chức thấy]
scores-number = { $n }

## Chưa công bố
scores-embargo = Kết quả Chỉ số CCHC chưa được công bố. Kết quả sẽ có sau khi Ban tổ chức công bố tại hội nghị.
scores-none = Chưa có bảng điểm Chỉ số CCHC. Dùng /nhapdiem để nhập bảng điểm.

## /diem
score-ask-unit = Vui lòng gõ tên { $localUnits } cần xem, ví dụ: Mường So (hoặc /diem Mường So).
score-unit-not-in-table = Bảng điểm năm { $year } không có kết quả của { $unit }.
score-title = CHỈ SỐ CCHC NĂM { $year } — { $unit }
score-total = Tổng điểm: { $total }/{ $max } điểm ({ $percent }%)
score-rank = Xếp hạng: { $rank }/{ $of }
score-class = Xếp loại: { $label }
score-class-previous = Xếp loại năm trước: { $label }
score-change = So với năm { $year }: { $score }.
score-change-rank = So với năm { $year }: { $score }; { $rank }.
score-change-up = tăng { $diff } điểm (năm trước { $previous } điểm)
score-change-down = giảm { $diff } điểm (năm trước { $previous } điểm)
score-change-same = giữ nguyên { $previous } điểm
score-rank-up = thứ hạng tăng { $n } bậc (từ { $from } lên { $to })
score-rank-down = thứ hạng giảm { $n } bậc (từ { $from } xuống { $to })
score-rank-same = giữ nguyên thứ hạng { $to }
score-fields-title = Điểm từng lĩnh vực (đạt/tối đa):
score-field = { $name }: { $final }/{ $max }
score-field-previous = { $name }: { $final }/{ $max } (năm trước { $previous })
score-weakest-previous = { $level ->
    [criteria] Các tiêu chí
   *[fields] Các lĩnh vực
  } giảm điểm nhiều nhất so với năm trước:
score-weakest-previous-item = - { $name }: giảm { $diff } điểm ({ $previous } → { $final })
score-weakest-gained = Không { $level ->
    [criteria] tiêu chí
   *[fields] lĩnh vực
  } nào giảm điểm so với năm trước; tăng nhiều nhất:
score-weakest-gained-item = - { $name }: tăng { $diff } điểm ({ $previous } → { $final })
score-weakest-max = { $level ->
    [criteria] Các tiêu chí
   *[fields] Các lĩnh vực
  } mất nhiều điểm nhất (so với điểm tối đa):
score-weakest-max-item = - { $name }: mất { $diff } điểm ({ $final }/{ $max })

## /xephang
ranking-title = XẾP HẠNG CHỈ SỐ CCHC NĂM { $year } ({ $units } đơn vị):
ranking-line = { $rank }. { $unit }: { $total }/{ $max } điểm, { $label }{ $change }
ranking-change-up = , tăng { $n } bậc
ranking-change-down = , giảm { $n } bậc
ranking-change-same = , giữ nguyên thứ hạng
ranking-chart-caption = Biểu đồ xếp hạng Chỉ số CCHC năm { $year }
chart-title = Chỉ số CCHC năm { $year } — xếp hạng các đơn vị
chart-subtitle = { $units } đơn vị; điểm tối đa { $max }; màu theo xếp loại
chart-sample = DỮ LIỆU MẪU — không phải kết quả chính thức
chart-preview = CHƯA CÔNG BỐ — bản xem trước của Ban tổ chức
chart-axis = Tỷ lệ điểm đạt so với điểm tối đa (%)

## /nhapdiem
import-usage = Cách dùng: gửi tệp .xlsx hoặc .csv kèm lệnh /nhapdiem; /nhapdiem mau để nhận tệp mẫu.
import-console = Kênh thử trên máy chủ không nhận được tệp. Vui lòng gửi bảng điểm qua Telegram (tệp kèm lệnh /nhapdiem), hoặc gửi tệp cho cán bộ quản trị để nhập trên máy chủ. Tệp mẫu ở dưới.
import-send-file = Vui lòng gửi tệp bảng điểm (.xlsx hoặc .csv, tối đa { $mb } MB) theo mẫu đính kèm. Bot sẽ kiểm tra và cho xem trước, chưa thay thế gì cho đến khi đồng chí xác nhận.
template-sheet-name = Bảng điểm
template-caption = Mẫu bảng điểm Chỉ số CCHC: mỗi { $localUnits } một dòng; sửa tên lĩnh vực và điểm tối đa theo bộ chỉ số của tỉnh.
import-read = Đã đọc bảng điểm năm { $year } từ tệp { $file }: { $units } đơn vị, { $fields } lĩnh vực, tổng điểm tối đa { $max }.
import-fields-title = Các lĩnh vực (điểm tối đa):
import-field = { $criteria ->
    [0] { $name }: { $max }
   *[other] { $name }: { $max } ({ $criteria } tiêu chí)
  }
import-top-title = { $n } đơn vị cao nhất:
import-bottom-title = { $n } đơn vị thấp nhất:
import-unit = { $rank }. { $unit }: { $total }/{ $max } điểm, { $label }
import-missing = Lưu ý: bảng điểm chưa có { $count } đơn vị: { $units }.
import-replaces = Bảng điểm hiện tại (năm { $year }, { $units } đơn vị, nhập lúc { $time }) sẽ được lưu lại làm bảng cũ.
import-stays-unpublished = Bảng điểm mới ở trạng thái chưa công bố; dùng /congbo khi công bố tại hội nghị.
import-will-unpublish = Lưu ý: kết quả đang được công bố. Sau khi thay thế, bảng mới ở trạng thái chưa công bố cho đến khi dùng /congbo lại.
import-question = Xác nhận thay thế bảng điểm?
import-confirm = Xác nhận thay thế
import-cancel = Hủy
import-cancelled = Đã hủy. Bảng điểm hiện tại giữ nguyên.
import-nothing-pending = Không có bảng điểm nào chờ xác nhận. Vui lòng gửi lại tệp kèm lệnh /nhapdiem.
import-stale = Bảng điểm đã được thay đổi từ lúc xem trước. Vui lòng gửi lại tệp kèm lệnh /nhapdiem để xem lại.
import-done = Đã thay thế bảng điểm: năm { $year }, { $units } đơn vị.
import-done-kept = Bảng điểm trước được lưu lại.
import-done-unpublished = Kết quả chưa công bố: chỉ Ban tổ chức xem được. Dùng /congbo để công bố.
import-refused = Không nhập được bảng điểm từ tệp { $file } ({ $stopped ->
    [yes] có ít nhất { $count } lỗi
   *[no] { $count } lỗi
  }); bảng điểm hiện tại giữ nguyên.
import-problem = - { $reason }
import-problem-row = - Dòng { $line }: { $reason }
import-problem-row-unit = - Dòng { $line } ({ $unit }): { $reason }
import-refused-stopped = … Bot dừng kiểm tra ở dòng { $line }; từ dòng này trở đi có thể còn lỗi.
import-refused-footer = Vui lòng sửa tệp rồi gửi lại. Gõ /nhapdiem mau để nhận tệp mẫu.

## Lỗi của tệp bảng điểm
scores-err-empty = tệp trống, không có dữ liệu.
scores-err-too-large = tệp lớn hơn { $mb } MB.
scores-err-not-table = tệp không phải bảng tính (cần tệp .xlsx hoặc .csv có dòng tiêu đề "Đơn vị").
scores-err-xlsx-huge = bảng tính quá lớn khi giải nén (quá nhiều ô hoặc có hình ảnh, tệp đính kèm). Vui lòng chỉ để lại trang bảng điểm, mỗi đơn vị một dòng.
scores-err-too-many-rows = bảng có hơn { $max } dòng; bảng điểm chỉ cần mỗi đơn vị một dòng.
scores-err-not-utf8 = tệp .csv không ở bảng mã UTF-8. Trong Excel, chọn Lưu thành "CSV UTF-8", hoặc gửi tệp .xlsx.
scores-err-xls = tệp .xls (Excel cũ) chưa đọc được. Vui lòng mở bằng Excel và Lưu thành .xlsx.
scores-err-file-type = tệp "{ $name }" không phải .xlsx hay .csv.
scores-err-csv-broken = tệp .csv bị lỗi định dạng gần dòng { $line } (dấu ngoặc kép không đóng).
scores-err-no-unit-column = thiếu cột "Đơn vị" (dòng tiêu đề phải có một ô ghi "Đơn vị").
scores-err-no-total-column = thiếu cột "Tổng".
scores-err-no-fields = không có cột điểm lĩnh vực nào.
scores-err-bad-max = điểm tối đa "{ $value }" của cột "{ $column }" (cột { $col }) không phải số dương.
scores-err-max-conflict = cột "{ $column }" (cột { $col }) ghi điểm tối đa khác với các cột cùng lĩnh vực.
scores-err-column-twice = cột "{ $column }" (cột { $col }) bị lặp.
scores-err-field-no-max = lĩnh vực "{ $field }" chưa có điểm tối đa (ghi ở dòng "Điểm tối đa" hoặc trong ngoặc vuông, ví dụ [10]).
scores-err-field-no-final = lĩnh vực "{ $field }" thiếu cột điểm (cuối cùng).
scores-err-children-max = điểm tối đa các tiêu chí của "{ $field }" cộng lại là { $sum }, khác điểm tối đa của lĩnh vực ({ $max }).
scores-err-total-max = điểm tối đa các lĩnh vực cộng lại là { $sum }, khác điểm tối đa của cột "Tổng" ({ $max }).
scores-err-no-year = không rõ năm của bảng điểm: thêm một dòng "Năm" phía trên dòng tiêu đề (ví dụ: Năm | 2023).
scores-err-no-classification = thiếu cột "Xếp loại" và tệp hội nghị chưa có ngưỡng xếp loại.
scores-err-no-units = bảng không có dòng đơn vị nào dưới dòng tiêu đề.
scores-err-unit-missing = thiếu tên đơn vị.
scores-err-unit-unknown = không có đơn vị "{ $unit }" trong danh sách đơn vị của hội nghị.
scores-err-unit-unknown-suggest = không có đơn vị "{ $unit }". Có phải: { $suggestions }?
scores-err-unit-twice = đơn vị đã có ở dòng { $first }.
scores-err-value-missing = thiếu điểm "{ $column }" (cột { $col }).
scores-err-not-number = "{ $value }" ở cột "{ $column }" (cột { $col }) không phải là số.
scores-err-negative = điểm "{ $column }" (cột { $col }) là { $value }, không được âm.
scores-err-above-max = điểm "{ $column }" (cột { $col }) là { $value }, vượt điểm tối đa { $max }.
scores-err-children-sum = điểm các tiêu chí của "{ $field }" cộng lại là { $sum }, khác điểm của lĩnh vực ({ $final }).
scores-err-sum = điểm các lĩnh vực cộng lại là { $sum }, khác điểm "Tổng" ({ $total }).
scores-err-bad-rank = xếp hạng "{ $value }" ở cột "{ $column }" không phải số thứ tự.
scores-err-rank-without-total = có "{ $column }" nhưng thiếu "Tổng năm trước".
scores-err-no-class = tỷ lệ { $percent }% thấp hơn mọi ngưỡng xếp loại của tệp hội nghị; vui lòng ghi cột "Xếp loại".

## /congbo
publish-no-table = Chưa có bảng điểm để công bố. Dùng /nhapdiem để nhập bảng điểm trước.
publish-question = Công bố kết quả Chỉ số CCHC năm { $year } ({ $units } đơn vị)? Sau khi công bố, mọi người xem được bằng /diem và /xephang; { $accounts ->
    [0] chưa đơn vị nào có đại biểu tham gia bot để nhận tin.
   *[other] { $accounts } tài khoản đại biểu của { $reached } đơn vị sẽ nhận kết quả của đơn vị mình.
  }
publish-confirm = Xác nhận công bố
publish-cancel = Hủy
publish-cancelled = Đã hủy. Kết quả vẫn chưa công bố.
publish-closed = Đã đóng.
publish-stale = Bảng điểm đã thay đổi từ lúc xem trước. Vui lòng gõ /congbo để xem lại.
publish-done = Đã công bố kết quả Chỉ số CCHC năm { $year }.
publish-sent = Đã gửi kết quả tới { $sent }/{ $accounts } tài khoản đại biểu của { $units } đơn vị.
publish-units-without-delegates = { $count } đơn vị chưa có đại biểu tham gia bot nên chưa nhận được tin: { $units }. Các đơn vị này xem kết quả bằng /diem.
publish-already = Kết quả Chỉ số CCHC năm { $year } đã được công bố lúc { $time }.
publish-already-done = Kết quả đã được công bố lúc { $time }.
publish-already-plain = Kết quả đã được công bố.
publish-resend = Gửi lại kết quả cho các đơn vị
publish-close = Đóng
publish-not-yet = Kết quả chưa công bố. Gõ /congbo để công bố.
publish-usage = Cách dùng: /congbo để xem trước rồi xác nhận công bố; /congbo guilai để gửi lại kết quả cho các đơn vị.
publish-notice = Ban tổ chức đã công bố kết quả Chỉ số CCHC năm { $year }. Kết quả của đơn vị:

## Dòng lệnh hoinghi
cli-scores-usage = Cách dùng: hoinghi import-scores TỆP.xlsx|TỆP.csv [--publish | --previous]; hoinghi score-template TỆP.xlsx|TỆP.csv
cli-file-not-found = Không tìm thấy tệp { $file }.
cli-scores-imported = Đã nhập bảng điểm năm { $year }: { $units } đơn vị. Bảng điểm trước (nếu có) được lưu lại.
cli-scores-not-published = Kết quả chưa công bố. Công bố bằng /congbo trong cuộc trò chuyện với bot, hoặc chạy lại lệnh với --publish.
cli-scores-published = Đã công bố. Đã gửi kết quả tới { $sent }/{ $accounts } tài khoản đại biểu.
cli-scores-published-offline = Lệnh dòng lệnh không chạy kênh Telegram, Zalo: kết quả của từng đơn vị đã được xếp vào hàng gửi và sẽ được gửi khi bot chạy.
cli-template-ext = Tệp mẫu phải có đuôi .xlsx hoặc .csv.
cli-template-written = Đã ghi tệp mẫu { $file } ({ $units } xã, thị trấn).

## Phân tích theo tiêu chí (/diem, /diem <đơn vị> <lĩnh vực>)
analysis-top-lost-title = Các tiêu chí mất nhiều điểm nhất (so với điểm tối đa):
analysis-lost-item = - { $name }: mất { $lost } điểm ({ $final }/{ $max })
analysis-with-note = { $line }. Ghi chú thẩm định: { $note }
analysis-without-note = { $line }.
analysis-cut-item = - { $name }: thẩm định trừ { $cut } điểm (tự đánh giá { $self } → thẩm định { $appraised })
analysis-field-hint = Xem từng tiêu chí của một lĩnh vực, ví dụ: /diem { $unit } { $field }
analysis-field-head = Lĩnh vực { $line }; đạt { $percent }%
analysis-criterion-head = Tiêu chí { $line }; đạt { $percent }%
analysis-row = { $name }: { $final }/{ $max } ({ $details })
analysis-row-plain = { $name }: { $final }/{ $max }
analysis-parts-join = { $head }; { $tail }
analysis-part-self = tự đánh giá { $n }
analysis-part-appraised = thẩm định { $n }
analysis-part-previous = năm trước { $n }
analysis-indent-2 = {"      "}{ $line }
analysis-criteria-title = Các tiêu chí (đạt/tối đa):
analysis-no-criteria = Bảng điểm không chia lĩnh vực này thành tiêu chí.
analysis-no-subcriteria = Tiêu chí này không chia thành tiêu chí thành phần.
analysis-nothing-lost = Không mất điểm nào so với điểm tối đa.
analysis-lost-title = Mất điểm so với điểm tối đa (nhiều nhất trước):
analysis-cuts-title = Thẩm định trừ so với điểm tự đánh giá:
analysis-no-cuts = Điểm thẩm định không thấp hơn điểm tự đánh giá.
analysis-ask-unit = Vui lòng ghi tên { $localUnits } trước số lĩnh vực, ví dụ: /diem Mường So { $field }
analysis-field-unknown = Bảng điểm không có lĩnh vực hay tiêu chí "{ $field }". Các lĩnh vực: { $fields }.

# Sau sắp xếp đơn vị hành chính năm 2025 (tệp đối chiếu cũ – mới của hội nghị, src/domain/reform.ts).
scores-err-old-merged = "{ $unit }" là tên { $old } trước khi sắp xếp, nay cùng { $others } hợp thành { $into }, nên không rõ dòng này là điểm của đơn vị nào: vui lòng ghi tên đơn vị mới.
scores-err-old-part = "{ $unit }" là tên { $old } trước khi sắp xếp, chỉ một phần nhập vào { $into } (cùng { $others }), nên không rõ dòng này là điểm của đơn vị nào: vui lòng ghi tên đơn vị mới.
scores-err-old-split = "{ $unit }" là tên { $old } trước khi sắp xếp, nay chia vào { $into }, nên không rõ dòng này là điểm của đơn vị nào: vui lòng ghi tên đơn vị mới.
scores-err-previous-merged = { $unit } được thành lập khi sắp xếp đơn vị hành chính, không có điểm năm trước của chính đơn vị nên không so sánh với điểm của đơn vị cũ: vui lòng để trống các cột "năm trước" của dòng này (điểm của các đơn vị cũ nhập riêng bằng lệnh hoinghi import-scores TỆP --previous).
scores-err-no-mapping = Tệp hội nghị không có tệp đối chiếu đơn vị hành chính cũ – mới (trường reform.mapping), nên không nhập được bảng điểm của các đơn vị cũ.
reform-previous-not-old = Bảng điểm của các đơn vị cũ chỉ gồm các xã, phường, thị trấn trước khi sắp xếp.
reform-previous-year = Bảng điểm của các đơn vị cũ phải là của năm trước năm { $current } (bảng hiện tại), không phải năm { $year }.
cli-scores-previous-kept = Đã lưu bảng điểm năm { $year } của { $units } đơn vị cũ (trước khi sắp xếp) để tham chiếu; bảng điểm hiện tại không thay đổi.
# /diem của một đơn vị mới: điểm của các đơn vị cũ hợp thành, chỉ để tham chiếu.
score-premerge-title = Trước sắp xếp (điểm năm { $year } của các đơn vị cũ, chỉ để tham chiếu, không phải điểm năm trước của { $unit }):
score-premerge-item = - { $name }{ $partial ->
    [yes] {" "}(một phần)
   *[no] {""}
  }: { $total }/{ $max }
score-premerge-missing = - { $name }{ $partial ->
    [yes] {" "}(một phần)
   *[no] {""}
  }: chưa có điểm
score-premerge-name = { $kind ->
    [town] thị trấn
    [ward] phường
    [special_zone] đặc khu
   *[commune] xã
  } { $name }
cli-scores-previous-publish = Bảng điểm của các đơn vị cũ (--previous) chỉ được lưu để tham chiếu, không công bố: vui lòng bỏ --publish.
