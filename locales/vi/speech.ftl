# Tham luận được phân công (/thamluan, /xong), duyệt tham luận (/duyet) và đăng ký phát biểu (/phatbieu).

## Mô tả lệnh
cmd-speech = Tham luận được phân công: đề tài, hạn nộp, trạng thái; nộp tham luận
cmd-speech-part = Một phần của tham luận đang soạn
cmd-done = Kết thúc và nộp tham luận đang soạn
cmd-review = Đọc và duyệt tham luận của các đơn vị (Ban tổ chức)
cmd-speak = Đăng ký phát biểu ý kiến tại phần thảo luận

## Tham luận: thông tin, trạng thái
speech-title = Tham luận của { $unit }
speech-topic = Đề tài: tham luận { $topic }
speech-deadline = Hạn nộp: { $deadline }
speech-deadline-over = Hạn nộp: { $deadline } (đã hết hạn)
speech-deadline-tba = Hạn nộp: sẽ thông báo sau (tính theo ngày khai mạc)
speech-status-not-submitted = Trạng thái: chưa nộp.
speech-status-submitted = Trạng thái: đã nộp bản { $n } lúc { $time }, đang chờ Ban tổ chức duyệt.
speech-status-changes = Trạng thái: Ban tổ chức đề nghị chỉnh sửa bản { $n }: “{ $note }”
speech-status-accepted = Trạng thái: Ban tổ chức đã chấp nhận bản { $n }.
speech-versions-kept = Số bản đã nộp: { $count } (tất cả đều được lưu lại).
speech-how = Cách nộp: gõ nội dung tham luận (một hoặc nhiều tin nhắn), gửi xong thì gõ /xong. Cũng có thể gửi tệp Word, PDF, ODT, TXT (tối đa 10 MB) hoặc ảnh chụp từng trang. Gõ /huy để thôi.
speech-how-again = Để nộp bản mới: gõ nội dung (một hoặc nhiều tin nhắn) rồi gõ /xong, hoặc gửi tệp, ảnh chụp các trang. Bản cũ vẫn được lưu. Gõ /huy để thôi.
speech-collecting-now = Đồng chí đang soạn tham luận: đã nhận { $parts } phần. Gửi tiếp, hoặc gõ /xong để nộp, /huy để bỏ.
speech-closed = Đã hết hạn nộp tham luận. Nếu cần nộp bổ sung, vui lòng liên hệ Ban tổ chức{ $contact }.

## Tham luận: đã nhận
speech-saved = Đã nhận tham luận của { $unit }: bản { $n } ({ $what }). Ban tổ chức sẽ xem và phản hồi qua bot.
speech-what-text = văn bản, { $chars } ký tự
speech-what-document = tệp “{ $name }”
speech-what-photos = { $pages } ảnh trang{ $chars ->
        [0] {""}
       *[other] , kèm { $chars } ký tự văn bản
    }
speech-part-received = Đã nhận phần { $n }. Gửi tiếp, hoặc gõ /xong khi đã gửi hết.
speech-page-received = Đã nhận ảnh trang { $page }. Gửi tiếp ảnh các trang còn lại, hoặc gõ /xong khi đã gửi hết.
speech-still-collecting = Phần đang soạn trước đó ({ $parts } phần) vẫn được giữ: gõ /xong để nộp thành bản tiếp theo, hoặc /huy để bỏ.
speech-new-version = Tham luận mới: { $unit } đã nộp bản { $n } ({ $what }) lúc { $time }. Gõ /duyet { $id } để đọc và duyệt.

## Tham luận: nhập sai
speech-no-unit = Lệnh này dành cho đại biểu của đơn vị được phân công tham luận. Vui lòng gõ /start kèm mã mời của đơn vị.
speech-not-assigned = { $unit } không được phân công tham luận tại hội nghị này; nếu muốn phát biểu ý kiến, vui lòng gõ /phatbieu kèm nội dung.
speech-deadline-passed = Đã hết hạn nộp tham luận ({ $deadline }); nếu cần nộp bổ sung, vui lòng liên hệ Ban tổ chức{ $contact }.
speech-empty = Tham luận chưa có nội dung; vui lòng gõ nội dung, hoặc gửi tệp, ảnh chụp các trang.
speech-too-long = Tham luận quá dài ({ $length } ký tự, tối đa { $max }); vui lòng rút gọn hoặc gửi dưới dạng tệp.
speech-part-too-long = Phần này làm tham luận vượt quá { $max } ký tự (đã có { $length } ký tự); vui lòng rút gọn, hoặc gõ /huy rồi gửi dưới dạng tệp.
speech-part-empty = Tin nhắn này không có nội dung; vui lòng gõ phần tiếp theo của tham luận, hoặc /xong để nộp.
speech-busy = Đồng chí đang soạn tham luận ({ $parts } phần chưa nộp); vui lòng gõ /xong để nộp hoặc /huy để bỏ trước khi nộp bản khác.
speech-not-collecting = Đồng chí chưa bắt đầu soạn tham luận; gõ /thamluan để xem hướng dẫn nộp.
speech-nothing-collected = Chưa có nội dung nào để nộp; vui lòng gõ /thamluan rồi gửi nội dung tham luận trước khi gõ /xong.
speech-file-type = Tệp tham luận cần là Word (.docx, .doc), PDF, ODT hoặc TXT, hoặc ảnh chụp các trang; vui lòng gửi lại đúng loại tệp.
speech-file-too-large = Tệp quá lớn (tối đa { $mb } MB); vui lòng gửi tệp nhỏ hơn.
speech-file-empty = Tệp không có nội dung; vui lòng gửi lại.

## Thông báo cho đơn vị sau khi duyệt
speech-review-accepted = Ban tổ chức đã chấp nhận tham luận (bản { $n }) của { $unit }. Xin cảm ơn đơn vị.
speech-review-changes = Ban tổ chức đề nghị { $unit } chỉnh sửa tham luận (bản { $n }):
    “{ $note }”
    Vui lòng gõ /thamluan để nộp bản đã chỉnh sửa.

## Duyệt tham luận (Ban tổ chức)
review-list-title = Tham luận của các đơn vị được phân công:
review-list-choose = Chọn số để đọc tham luận của đơn vị.
review-none-assigned = Hội nghị này không phân công đơn vị nào tham luận.
review-label-not-submitted = { $unit }: chưa nộp
review-label-submitted = { $unit }: đã nộp bản { $n }, chờ duyệt
review-label-changes = { $unit }: đã đề nghị chỉnh sửa bản { $n }
review-label-accepted = { $unit }: đã chấp nhận bản { $n }
review-header = Tham luận của { $unit }, bản { $n }/{ $total }, nộp lúc { $time } ({ $by }).
review-page = Trang { $page }/{ $pages }
review-choose = Ý kiến của Ban tổ chức về bản { $n }:
review-accept = Chấp nhận
review-changes = Yêu cầu chỉnh sửa
review-ask-note = Vui lòng gõ nội dung đề nghị { $unit } chỉnh sửa bản { $n } (tối đa { $max } ký tự), hoặc /huy để thôi.
review-accepted = Đã chấp nhận tham luận bản { $n } của { $unit }.
review-changes-sent = Đã gửi đề nghị chỉnh sửa bản { $n } cho { $unit }.
review-told = Đã báo cho { $count } tài khoản của đơn vị.
review-told-none = Đơn vị chưa có tài khoản nào nhận được thông báo qua bot; vui lòng báo trực tiếp cho đơn vị.
review-usage = Cách dùng: /duyet TÊN ĐƠN VỊ để đọc; /duyet TÊN ĐƠN VỊ chapnhan để chấp nhận; /duyet TÊN ĐƠN VỊ sua NỘI DUNG để đề nghị chỉnh sửa.
review-not-assigned = { $unit } không được phân công tham luận; gõ /duyet để xem các đơn vị được phân công.
review-nothing = { $unit } chưa nộp tham luận nào, nên chưa có gì để duyệt.
review-stale = { $unit } đã nộp bản mới hơn (bản { $n }); vui lòng gõ /duyet { $id } để đọc bản mới trước khi duyệt.
review-already-accepted = Bản { $n } của { $unit } đã được chấp nhận trước đó.
review-note-too-long = Nội dung đề nghị chỉnh sửa quá dài (tối đa { $max } ký tự); vui lòng rút gọn.
review-file-missing = Không đọc được tệp đã lưu của bản này ({ $name }); vui lòng báo người quản trị hệ thống.

## Đăng ký phát biểu
speak-ask-topic = Vui lòng gõ nội dung { $unit } muốn phát biểu tại phần thảo luận (tối đa { $max } ký tự), hoặc /huy để thôi.
speak-saved = Đã đăng ký phát biểu cho { $unit }: “{ $topic }” (thứ tự đăng ký: { $position }). Gõ /phatbieu rut nếu muốn rút.
speak-too-long = Nội dung phát biểu quá dài ({ $length } ký tự, tối đa { $max }); vui lòng ghi ngắn gọn hơn.
speak-empty = Nội dung phát biểu trống (chỉ có ký tự không hiển thị được); vui lòng gõ nội dung muốn phát biểu, tối đa { $max } ký tự.
speak-duplicate = { $unit } đã đăng ký nội dung này rồi; gõ /phatbieu để xem các đăng ký.
speak-no-unit = Đăng ký phát biểu dành cho đại biểu các đơn vị được mời; vui lòng gõ /start kèm mã mời của đơn vị.
speak-mine-title = Đăng ký phát biểu của { $unit }:
speak-mine-item = { $topic } (thứ tự { $position }, đăng ký lúc { $time })
speak-mine-choose = Chọn số để rút một đăng ký, hoặc đăng ký thêm nội dung khác:
speak-withdraw-label = Rút: { $topic }
speak-add-label = Đăng ký thêm nội dung khác
speak-withdrawn = Đã rút đăng ký phát biểu: “{ $topic }”.
speak-nothing-to-withdraw = { $unit } không có đăng ký phát biểu nào để rút.
speak-not-found = Không tìm thấy đăng ký phát biểu này (có thể đã được rút); gõ /phatbieu để xem lại.
speak-list-title = Các đơn vị đăng ký phát biểu, theo thứ tự đăng ký ({ $count }):
speak-list-empty = Chưa có đơn vị nào đăng ký phát biểu.
speak-list-item = { $unit }: { $topic } ({ $by }, { $time })
