## People: accounts, invite codes, RSVP, check-in (src/domain/identity.ts, src/domain/attendance.ts)

# Told to the organizers once when many accounts type wrong invite codes.
codes-guessing-alarm = To the organizers: { $wrong } wrong invite codes were typed in the last { $minutes } minutes. To stop code guessing, the bot is slowing down every invite code attempt. If a delegate reports that they cannot join, please check the code in the invitation or issue a new one with /mamoi capmoi UNIT NAME. Best regards.

# Scanning the check-in code (or typing /diemdanh) from an account that belongs to no unit.
checkin-needs-unit = You have not joined as a delegate of any unit yet, so you cannot check in. Please type /start with the invite code in your unit's invitation (for example: /start 7KQ2M-X9D4R), then scan the check-in code again or type /diemdanh CHECK-IN-CODE.

# /baocao: units with a seat still unanswered (the audience of /nhacnho dangky), including those that answered for none.
report-unconfirmed-title = NOT FULLY CONFIRMED ({ $count } units with seats unanswered: { $silent } above and { $partial } below; /nhacnho dangky reminds all { $count }):
