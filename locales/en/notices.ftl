# Organizers' notices, reminders, change alerts, "Received" acknowledgements, the .ics calendar.

## Command descriptions
cmd-broadcast = Send a notice to delegates, see how it went and who acknowledged (organizers)
cmd-ack = Acknowledge a notice
cmd-calendar = The conference as a calendar file (.ics)

## Writing a notice
notice-ask-text = Please type the notice (up to 2,000 characters; you may attach one file, with the notice as its caption). Type /huy to stop.
notice-ask-audience = Who should receive notice { $id }? Type the number:
notice-ask-units = Please type the units, separated by commas (for example: Mường So, Bản Lang).
notice-ask-time = Please type when to send, for example: 07:30 20/06 or 20/06/2027 07:30.
notice-audience-choice = { $audience } ({ $count } accounts)
notice-audience-choice-units = Pick units by name
notice-audience-all = All delegates
notice-audience-communes = Local units ({ $localUnits })
notice-audience-agencies = District agencies
notice-audience-no-rsvp = Units that have not answered at all (no seat answered)
notice-audience-no-speech = Units that have not submitted their speech
notice-audience-direct = Direct message
notice-audience-units = Units: { $units }
notice-audience-resend = Those who have not acknowledged notice { $id }

## Wrong input
notice-empty = The notice has no text. Please type: /thongbao TEXT.
notice-file-needs-text = Please send the file with the notice as its caption.
notice-too-long = The notice is { $length } characters long, over the { $max } allowed (Zalo's limit). Please shorten it or split it into several notices.
notice-time-bad = Could not read the send time "{ $text }". Please write HH:MM DAY/MONTH, for example: 07:30 20/06.
notice-time-past = { $time } has passed. Please choose a time in the future.
notice-audience-unknown = Unknown audience "{ $text }". Please choose a number from the list.
notice-audience-empty = Nobody would receive this notice ({ $audience }): no delegate of these units has joined the bot. Please choose another audience.
notice-audience-missing = No audience chosen yet. Please start again with /thongbao.
notice-units-missing = Please name at least one unit, for example: /thongbao donvi Mường So, Bản Lang | TEXT.
notice-expired = This preview has expired or is gone. Please type /thongbao to write the notice again.
notice-already-confirmed = Notice { $id } was already confirmed; it is not sent again. Status: /thongbao trangthai { $id }.

## Preview
notice-preview-title = Preview of notice { $id }:
notice-preview-file = Attachment: { $name }
notice-preview-audience = To: { $audience }
notice-preview-count = Accounts: { $total } (Telegram { $telegram }, Zalo { $zalo }{ $console ->
        [0] {""}
       *[other] , trial channel { $console }
    })
notice-preview-no-account = { $count } units have no delegate on the bot and will not receive it: { $units }
notice-more-units = and { $count } more
notice-preview-unreachable = { $count } accounts have blocked the bot and cannot be reached.
notice-preview-when-now = Sent as soon as you confirm.
notice-preview-when-later = To be sent at { $time }.
notice-preview-expiry = Please confirm within { $minutes } minutes.
notice-choice-send = Send now
notice-choice-send-later = Confirm sending at { $time }
notice-choice-schedule = Send later
notice-choice-cancel = Cancel, do not send
notice-choice-cancel-scheduled = Cancel the scheduled notice
notice-choice-resend = Resend to the { $count } accounts that have not acknowledged

## After confirming
notice-queued = Notice { $id } is queued for { $count } accounts. You will see progress and the result.
notice-scheduled = Notice { $id } will be sent at { $time } to { $count } accounts. To cancel: /tbhuy { $id }.
notice-cancelled = Notice { $id } cancelled; nothing was sent.
notice-cancelled-scheduled = Scheduled notice { $id } cancelled; it will not be sent.
notice-nothing-to-cancel = There is no notice waiting to be cancelled.
notice-already-cancelled = Notice { $id } was already cancelled.
notice-cancel-too-late = Notice { $id } has started going out and cannot be cancelled.
notice-progress = Sending notice { $id }: { $done }/{ $total } ({ $percent }%).
notice-report = Notice { $id } has gone out: sent { $sent }, failed { $failed }, unreachable { $unreachable } (of { $total } accounts).
notice-report-waiting = { $pending } accounts still waiting (their channel is not running).
notice-report-status-hint = Who pressed "Received": /thongbao trangthai { $id }
notice-count-channel = { $channel }: sent { $sent }{ $failed -> 
    [0] {""}
   *[other] , failed { $failed }
 }{ $unreachable -> 
    [0] {""}
   *[other] , unreachable { $unreachable }
 }{ $pending -> 
    [0] {""}
   *[other] , waiting { $pending }
 }
notice-channel-telegram = Telegram
notice-channel-zalo = Zalo
notice-channel-console = Console

## Status
notice-status-none = No notices yet.
notice-status-title = Recent notices:
notice-status-hint = Details and who has not acknowledged: /thongbao trangthai ID (for example: /thongbao trangthai k7q2mx).
notice-status-acked = Acknowledged: { $acked } of the { $sent } accounts reached.
notice-status-not-acked = Not yet acknowledged: { $count } accounts:
notice-status-more = … and { $count } more.
notice-unknown = No notice with id "{ $id }". Type /thongbao trangthai for the list.
notice-not-ackable = Notice { $id } has no "Received" button.
notice-resend-nobody = Everyone has acknowledged notice { $id }; no need to resend.
notice-summary-head = [{ $id }] { $kind }, { $time }: "{ $text }"
notice-summary-counts = sent { $sent }/{ $total }, failed { $failed }, unreachable { $unreachable }, waiting { $pending }
notice-summary-acked = received { $acked }/{ $sent }
notice-summary-planned = not yet due
notice-summary-cancelled-organizer = cancelled
notice-summary-cancelled-rescheduled = replaced by the new schedule
notice-summary-cancelled-stale = skipped: its moment had passed
notice-summary-cancelled-passed = skipped: its moment had passed when the time was set
notice-summary-cancelled-duplicate = already reminded
notice-kind-broadcast = Notice
notice-kind-reminder = Reminder
notice-kind-schedule_change = Schedule change

## What recipients read
notice-broadcast-header = NOTICE FROM THE ORGANIZERS
notice-reminder-header = CONFERENCE REMINDER
notice-reminder-time = Time: { $time }
notice-reminder-place = Place: { $place }
notice-change-header = CHANGE OF CONFERENCE TIME OR PLACE
notice-change-time-same = Time: { $time } (unchanged)
notice-change-place-same = Place: { $place } (unchanged)
notice-tba = to be announced
notice-ack-hint = Please press "Received" (or reply "received") so the organizers know.
notice-ack-label = Received

## Acknowledgement
notice-ack-thanks = Thank you for confirming you received the notice.
notice-ack-already = You already confirmed this notice at { $time }.
notice-ack-none = There is no notice to acknowledge.
notice-ack-unknown = No notice "{ $id }" was sent to you.

## Offer after /datlich
notice-change-offer = Send the change (old beside new) to every delegate ({ $count } accounts)?
notice-change-offer-send = Send to all delegates ({ $count } accounts)
notice-change-offer-skip = Do not send
notice-change-offer-nobody = No delegate has joined the bot yet to be told of the change.
notice-change-stale = The schedule changed again after this choice. Please use the latest choice after /datlich.
notice-change-already = This change was already announced (notice { $id }).
notice-change-skipped = Skipped; no change notice sent. You can still send one with /thongbao.

## Calendar (.ics)
calendar-tba = Time and place are to be announced; type /lich again once they are set.
calendar-caption = Conference calendar: { $time }, at { $place }. Open the file to add it to your calendar.
calendar-body = Organized by: { $body }
calendar-time = Time (Vietnam): { $time }
calendar-alarm = In 1 hour: { $title }

## hoinghi broadcast
cli-broadcast-usage = Usage: hoinghi broadcast "TEXT" [--to tatca|xa|coquan|chuatraloi|chuanop|"donvi Mường So, Bản Lang"] [--at "07:30 20/06/2027"]
cli-broadcast-queued = Notice { $id } queued: { $count } accounts (Telegram { $telegram }, Zalo { $zalo }, console { $console }). The bot sends it when it runs (npx hoinghi start).
cli-broadcast-handed = The bot is running: notice { $id } was handed to it and goes out now (see the bot's log).
