# The public address, how updates arrive, `hoinghi init` and the bot without a public address (issue 24).
config-webhook-needs-url = { $updates }=webhook needs the bot's public address: please set PUBLIC_URL (e.g. https://hoinghi.phongtho.gov.vn) or change it to { $updates }=polling, then restart the bot.
config-webhook-needs-secret = { $updates }=webhook needs { $secret }: please run npx hoinghi init to make the secret, or change it to { $updates }=polling, then restart the bot.
