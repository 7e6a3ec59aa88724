## Con người: tài khoản, mã mời, xác nhận tham dự, điểm danh (src/domain/identity.ts, src/domain/attendance.ts)

# Báo Ban tổ chức một lần khi có nhiều tài khoản cùng nhập sai mã mời.
codes-guessing-alarm = Kính gửi Ban tổ chức: trong { $minutes } phút qua đã có { $wrong } lần nhập mã mời sai từ các tài khoản. Để phòng dò mã, bot đang làm chậm mọi lần nhập mã mời. Nếu đại biểu báo chưa vào được, đề nghị đồng chí kiểm tra mã trong giấy mời hoặc cấp mã mới bằng /mamoi capmoi TÊN ĐƠN VỊ. Trân trọng!

# Quét mã điểm danh (hoặc gõ /diemdanh) khi tài khoản chưa thuộc đơn vị nào.
checkin-needs-unit = Đồng chí chưa tham gia với tư cách đại biểu của đơn vị nào nên chưa điểm danh được. Vui lòng gõ /start kèm mã mời ghi trong giấy mời của đơn vị (ví dụ: /start 7KQ2M-X9D4R), rồi quét lại mã điểm danh hoặc gõ /diemdanh MÃ-ĐIỂM-DANH.

# /baocao: đơn vị còn vị trí chưa trả lời (đối tượng của /nhacnho dangky), gồm cả các đơn vị chưa trả lời vị trí nào.
report-unconfirmed-title = CHƯA XÁC NHẬN ĐỦ ({ $count } đơn vị còn vị trí chưa trả lời: { $silent } đơn vị nêu trên và { $partial } đơn vị dưới đây; /nhacnho dangky nhắc cả { $count } đơn vị):
