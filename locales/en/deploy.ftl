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
# `npx hoinghi init` (src/app/cli-init.ts).
cli-init-usage = Usage: hoinghi init [--env-file FILE] [--telegram-api-root URL] [--zalo-api-root URL]
init-intro = Setting up Hội nghị bot. Answer each question and press Enter; leave it empty to skip or to take the value in square brackets. The result is written to { $file }.
init-overwrite = The file { $file } exists. Overwrite it? (yes/no) [no]
init-kept = { $file } was kept as it is, nothing was written; to set up again, run npx hoinghi init again and answer “yes”.
init-ask-telegram = Telegram bot token (from @BotFather; empty if you do not use Telegram)
init-ask-zalo = Zalo bot token (from bot.zaloplatforms.com, bot_id:secret; empty if you do not use Zalo)
init-token-format = The { $platform } token is not in the right form (the bot id, a colon, then characters, e.g. 123456:ABC…); please type it again.
init-token-ok = { $platform }: the token is valid, bot “{ $name }” (token { $token }).
init-token-refused = { $platform } does not accept the token { $token }; please check it and type it again, or leave it empty to skip.
init-token-unchecked = Warning: the { $platform } token could not be checked because the platform could not be reached ({ $detail }); it is written anyway, see the log when the bot starts.
init-gave-up = { $platform } skipped after three wrong answers; you can run npx hoinghi init again.
init-ask-public-url = The bot's public address (like https://hoinghi.phongtho.gov.vn, a domain pointing at this server; empty if there is none yet)
init-url-bad = The address “{ $url }” is not right; please type it like https://hoinghi.phongtho.gov.vn (no path after it), or leave it empty.
init-url-http = Warning: the address does not use https; Telegram and Zalo post only to https addresses, and Zalo fetches pictures only over https.
init-ask-updates = Receive messages by webhook (the platforms post to the public address, quicker) or by polling (the bot asks, no port to open)? (webhook/polling) [webhook]
init-updates-bad = Please type webhook or polling.
init-ask-organizers = Organizers' accounts (like telegram:123456789 or zalo:e4ea…, comma separated; empty if not known yet, then use the organizers' invite code later)
init-organizers-bad = “{ $id }” is not channel:id (e.g. telegram:123456789, zalo:e4ea…); please type them again.
init-ask-data-dir = Data folder (DATA_DIR) [{ $default }]
init-env-header = Made by npx hoinghi init. Holds tokens and secrets: do not send this file to anyone, do not commit it.
init-written = { $file } written (mode 600: readable by its owner only), tokens and secrets shown by a few characters:
init-no-channel = No token: when started, the bot opens the console channel to try it out.
init-next = Next: try it with npx hoinghi start, or install the service as README's “Triển khai” section says.
