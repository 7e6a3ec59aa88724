# Tham luận: các thông báo mới của lõi nghiệp vụ (src/domain/speeches.ts).

## Rút tham luận
speech-nothing-to-withdraw = { $unit } chưa nộp tham luận nào (hoặc đã rút), nên không có gì để rút.
