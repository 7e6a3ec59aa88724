# The public address, how updates arrive, `hoinghi init` and the bot without a public address (issue 24).
config-webhook-needs-url = { $updates }=webhook needs the bot's public address: please set PUBLIC_URL (e.g. https://hoinghi.phongtho.gov.vn) or change it to { $updates }=polling, then restart the bot.
config-webhook-needs-secret = { $updates }=webhook needs { $secret }: please run npx hoinghi init to make the secret, or change it to { $updates }=polling, then restart the bot.
# Pictures and files that could not reach a Zalo user (no public address): one note after their captions.
files-unsent-what = { $photos ->
    [0] The file { $files }
   *[other] { $files ->
        [none] { $photos ->
            [one] The picture
           *[other] { $photos } pictures
        }
       *[other] { $photos } picture(s) and the file { $files }
    }
}
files-unsent-organizer = { files-unsent-what } could not be sent on Zalo because the bot has no public address.
files-no-address-fix = The fix (one step): set PUBLIC_URL to the bot's public HTTPS address (e.g. PUBLIC_URL=https://hoinghi.phongtho.gov.vn) in the .env file and restart the bot; see “Triển khai” in the README. This reminder is sent once a day at most.
files-unsent-delegate = { files-unsent-what } could not be sent on Zalo. If you need it, please contact the organizers{ $contact }.
files-unsent-delegate-telegram = { files-unsent-what } could not be sent on Zalo. If you need it, please look on Telegram or contact the organizers{ $contact }.
