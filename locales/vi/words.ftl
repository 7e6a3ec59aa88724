# Lời nói thường (issue 22): ý định, "có phải ý đồng chí là", lịch gõ bằng chữ.
schedule-weekday-mismatch = Ngày { $date } là { $actual }, không phải { $said }. Vui lòng kiểm tra lại ngày hoặc thứ rồi gõ lại.
