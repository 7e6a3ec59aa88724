# /datlich khi hai cán bộ Ban tổ chức cùng đặt lịch (commands/general.ts).
schedule-what-time-place = { $time }, tại { $place }
schedule-what-time = { $time }
schedule-what-place = tại { $place }
schedule-meanwhile-earlier = Lưu ý: trong lúc đồng chí đặt lịch, đồng chí { $name } vừa lưu lịch: { $what }. Thay đổi của đồng chí được lưu sau và thay cho lịch đó.
schedule-meanwhile-later = Lưu ý: ngay sau khi đồng chí lưu, đồng chí { $name } đã đổi lịch thành: { $what }. Lịch hiện tại theo thay đổi của đồng chí { $name }; đề nghị đồng chí trao đổi, thống nhất trước khi thông báo tới đại biểu.
schedule-meanwhile-told = Kính gửi đồng chí: ngay trước khi đồng chí lưu lịch, đồng chí { $name } cũng vừa lưu lịch: { $what }. Lịch hiện tại theo thay đổi của đồng chí. Trân trọng.
schedule-meanwhile-told-after = Kính gửi đồng chí: ngay sau khi đồng chí lưu lịch, đồng chí { $name } đã đổi lịch thành: { $what }. Lịch hiện tại theo thay đổi của đồng chí { $name }; đề nghị đồng chí trao đổi, thống nhất trước khi thông báo tới đại biểu. Trân trọng.
