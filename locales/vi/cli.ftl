# The `hoinghi` command line: arguments a subcommand does not take (src/app/cli.ts).
cli-argument-unknown = Lệnh "{ $command }" không có tùy chọn { $arg }.
cli-argument-needs-value = Tùy chọn { $arg } của lệnh "{ $command }" cần một giá trị đi kèm.
cli-argument-no-value = Tùy chọn { $arg } của lệnh "{ $command }" không nhận giá trị.
cli-argument-extra = Lệnh "{ $command }" không nhận thêm "{ $arg }".

# `hoinghi conference add|list|close` (src/app/cli-conferences.ts): các hội nghị một bot phục vụ.
cli-conference-usage = Cách dùng: hoinghi conference add TỆP.yaml (thêm một hội nghị: bot phục vụ ngay, đại biểu đã tham gia bot nhận giấy mời mới, không cần nhập lại mã mời) | hoinghi conference list [--json] (mọi hội nghị, hội nghị đang diễn ra trước) | hoinghi conference close MÃ (kết thúc hẳn: số liệu chỉ để xem, không thay đổi nữa). Các lệnh hoinghi khác (invitations, export, import-scores, …) làm việc với hội nghị của tệp CONFERENCE_FILE; cả hai hội nghị mẫu đều bắt đầu như vậy, ví dụ CONFERENCE_FILE=conferences/lai-chau-2025.yaml npx hoinghi invitations giay-moi/.
cli-conference-action-unknown = Lệnh "conference" không có việc "{ $action }".
cli-conference-missing-file = Thiếu đường dẫn tệp hội nghị.
cli-conference-missing-id = Thiếu mã hội nghị (cột đầu của hoinghi conference list).
cli-conference-list-title = Các hội nghị ({ $count }), hội nghị đang diễn ra trước:
cli-conference-row = { $id } · { $status } · { $title } · { $when } · tệp { $file }
cli-conference-status-running = Đang diễn ra
cli-conference-status-closed = Đã kết thúc
cli-conference-added-on = thêm ngày { $date }
cli-conference-closed-on = kết thúc ngày { $date }
cli-conference-primary = (hội nghị của CONFERENCE_FILE)
cli-conference-list-hint = Các lệnh hoinghi khác làm việc với hội nghị của CONFERENCE_FILE; muốn làm với hội nghị khác, đặt CONFERENCE_FILE bằng tệp của hội nghị đó.
cli-conference-added = Đã thêm hội nghị “{ $id }” ({ $title }): hội nghị đang diễn ra, bot phục vụ ngay.
cli-conference-told =
    { $count ->
        [0] Chưa đơn vị nào được hội nghị mời có đại biểu đã tham gia bot, nên chưa gửi giấy mời qua bot.
       *[other] Đã gửi giấy mời mới qua bot tới đại biểu của { $count } đơn vị đã tham gia bot từ trước (không cần nhập lại mã mời).
    }
cli-conference-told-offline = Bot chưa chạy: các giấy mời này chờ trong hàng gửi, bot gửi ngay khi khởi động.
cli-conference-without = { $count } đơn vị chưa có ai tham gia bot: { $units }. Giấy mời của các đơn vị này gửi bằng văn bản, kèm mã mời: CONFERENCE_FILE={ $file } npx hoinghi invitations THƯ-MỤC.
cli-conference-closed = Đã kết thúc hội nghị “{ $id }” ({ $title }), không mở lại được. Từ nay số liệu của hội nghị chỉ để xem: bot không ghi nhận thay đổi nào nữa (trả lời, tham luận, điểm danh, điểm, nhiệm vụ); báo cáo, giấy mời, bảng tổng hợp vẫn in được bằng các lệnh hoinghi với CONFERENCE_FILE={ $file }. Tệp hội nghị lúc kết thúc được giữ tại { $frozen }.
cli-conference-unknown = Không có hội nghị “{ $id }” đang diễn ra. Xem danh sách: npx hoinghi conference list.
