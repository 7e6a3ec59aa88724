## Notices: kind, author, chasing units (outbox)
notice-kind-chase = Chase
notice-kind-review = Speech review
notice-summary-author = sent by { $author }
notice-author-system = the bot (automatic)
notice-chase-rsvp = Chase of { $units } units with seats not all answered
notice-chase-speech = Chase of { $units } units that have not submitted their speech
notice-report-failed = Could not reach { $count } accounts after several tries: { $names }. See why and send again: /thongbao trangthai { $id }
notice-more-accounts = and { $count } more accounts
notice-report-correction = Update: { $report }
outbox-zalo-refusing = Zalo keeps refusing to send (the bot's message quota may be used up). { $waiting } messages are waiting for Zalo; the bot pauses and will try again in about { $minutes } minutes. Please keep an eye on it; if urgent, call the delegates.
outbox-parked-title = Not sent after several tries: { $count } accounts:
outbox-parked-line = - { $who } ({ $channel }): { $reason }
outbox-choice-retry-parked = Try again for the { $count } accounts that failed
outbox-retry-queued = Notice { $id } will be sent again to the { $count } accounts that failed. The bot will report the result.
outbox-retry-nothing = Notice { $id } has no account that failed; nothing to send again.
report-sent-month = Messages the bot sent in { $month }: { $counts }.
report-sent-month-zalo = Zalo: the free plan is reported to allow about 3,000 messages a month (reported by users, not confirmed by Zalo).
