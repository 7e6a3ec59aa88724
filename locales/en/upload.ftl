# Working from a phone: links straight into a desk page, the speech upload page, the command line beside the running bot.

## Commands that need a file, on a channel that cannot carry one (Zalo): a sign-in link straight to the page that does it
import-on-desk = Dear { $name },
    Zalo cannot carry files, so the Administrative Reform Index table is uploaded on the desk's Index page (it opens on a phone): pick the .xlsx or .csv file, check the preview, confirm, then publish.
    Sign-in link (single use, valid 10 minutes):
    { $url }
    Please do not pass this link on.
doc-invitations-on-desk = Dear { $name },
    Invite codes were issued to the units that had none. Zalo cannot carry files, so the invitation letters (.docx) are downloaded from the desk's Downloads page.
    Sign-in link (single use, valid 10 minutes):
    { $url }
    Please do not pass this link on.
list-on-desk = Dear { $name },
    Zalo cannot carry files, so the list of delegates (.docx) is downloaded from the desk's Downloads page.
    Sign-in link (single use, valid 10 minutes):
    { $url }
    Please do not pass this link on.
export-on-desk = Dear { $name },
    Zalo cannot carry files, so the attendance and speeches workbook (.xlsx) is downloaded from the desk's Downloads page.
    Sign-in link (single use, valid 10 minutes):
    { $url }
    Please do not pass this link on.

## Speeches on Zalo: no invitation to send a file in the chat, the unit's own upload link instead
speech-how-no-files = How to submit: type the speech (in one or more messages), then type /xong; or send photos of each page, then type /xong. Type /huy to stop.
speech-send-new-no-files = Please send the new version: type it (in one or more messages), then type xong; or send photos of the pages. Earlier versions stay kept. Type /huy to stop.
upload-offer = If the speech is already a Word, PDF, ODT or TXT file (at most 10 MB) or photos on your phone, open { $unit }'s own upload link below and pick the file (valid until { $time }; please do not pass it on):
    { $url }
upload-offer-unreadable = Zalo does not pass files on to the bot, so the file you just sent did not arrive. To submit { $unit }'s speech as a Word, PDF, ODT or TXT file (at most 10 MB) or photos, open your own upload link below and pick the file (valid until { $time }; please do not pass it on):
    { $url }

## The speech upload page (a unit's own link)
upload-title = Submit the speech file
upload-heading = Speech of { $unit }
upload-pick = Pick the speech: one Word (.docx, .doc), PDF, ODT or TXT file, at most { $mb } MB; or photos of its pages (at most { $pages }, picked in page order).
upload-send = Send the speech
upload-expires = This link is your unit's own and works until { $time }. For a new one, type /thamluan in the chat with the bot.
upload-bad-form = The file just sent could not be read; please pick it again and send it.
upload-too-large = What was sent is too large (at most { $mb } MB in all); please pick a smaller file or fewer photos. Nothing was kept.
upload-link-forged = This upload link is not valid; please type /thamluan in the chat with the bot for a new one.
upload-link-expired = This upload link has expired; please type /thamluan in the chat with the bot for a new one.
upload-link-not-yours = This upload link no longer fits the account or unit it was issued to; please type /thamluan in the chat with the bot for a new one.
upload-no-file = No file was picked; please pick the speech's file, then press “Send the speech”.
upload-one-document = Send one Word, PDF, ODT or TXT file at a time (with no other file); please pick again.
upload-too-many-pages = At most { $max } page photos at a time; please pick fewer.

## The command line beside the running bot
cli-spool-handing = The bot is running and holds the data file: this was handed to the bot, waiting for it to finish…
cli-spool-not-taken = The bot did not take the request within { $seconds } seconds, so it was withdrawn and nothing changed. Check that the bot is running normally (e.g. sudo systemctl status hoinghi), then run the command again.
cli-spool-no-answer = The bot took the request (id { $id }) but has not reported within { $seconds } seconds. Read the bot's log (e.g. sudo journalctl -u hoinghi) before running the command again, so it is not done twice.
cli-spool-codes-issued = The bot issued invite codes to { $count } units that had none.
cli-spool-failed = The bot could not do this; nothing changed. Read the bot's log (e.g. sudo journalctl -u hoinghi).

## Comments on the draft conclusions as files (the unit's own link)
conclusions-upload-offer = If { $unit }'s comment is already written in a Word or PDF file or as photos, open the unit's own upload link below and pick the files to send (valid until { $time }; please do not pass the link on):
    { $url }
conclusions-upload-title = Comment on the draft conclusions
conclusions-upload-heading = { $unit }'s comment on the draft conclusions
conclusions-upload-deadline = Please comment before { $deadline }.
conclusions-upload-so-far = { $comments ->
        [0] The unit has not commented yet.
       *[other] The unit has commented { $comments } time(s).
    }
conclusions-upload-issued = The conclusions have been issued (no. { $number } of { $day }); comments are no longer taken.
conclusions-upload-pick = Pick the comment files: a Word file (.docx, .doc), a PDF or photos of the pages, each at most { $mb } MB, at most { $max } files.
conclusions-upload-send = Send comment
conclusions-upload-expires = This link is the unit's own and works until { $time }. For a new link, type /ketluan in the chat with the bot.
conclusions-upload-saved = { $unit }'s comment ({ $files } file(s)) on the draft conclusions was recorded; the organizers consider it before issuing.
