## Notices: kind, author, chasing units (outbox)
notice-kind-chase = Chase
notice-kind-review = Speech review
notice-summary-author = sent by { $author }
notice-author-system = the bot (automatic)
notice-chase-rsvp = Chase of { $units } units with seats not all answered
notice-chase-speech = Chase of { $units } units that have not submitted their speech
report-rsvp-incomplete = Not all answered: { $count } units still have seats without an answer (chase with /nhacnho dangky).
notice-report-failed = Could not reach { $count } accounts after several tries: { $names }. See why and send again: /thongbao trangthai { $id }
notice-more-accounts = and { $count } more accounts
notice-report-correction = Update: { $report }
