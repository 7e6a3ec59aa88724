# Zalo channel: messages of its own (Zalo has no buttons and carries no files).

zalo-choose-number = Please type the number of your choice (for example: 1).
zalo-unsupported = The bot cannot read this kind of message yet (sticker, voice, file…). Please type your message as text, or type /help to see the commands.
zalo-unnamed = there
zalo-file-link = File { $name }: download it at { $url }

## For the operator (at start-up)
zalo-secret-required = Zalo webhook mode needs ZALO_WEBHOOK_SECRET (8-256 characters) when PUBLIC_URL is set.
zalo-token-refused = Zalo refused the bot token { $token }. Please check ZALO_BOT_TOKEN (bot_id:secret) on the Zalo Bot Platform.
zalo-webhook-refused = The Zalo webhook could not be registered: { $detail }. Please check PUBLIC_URL and ZALO_WEBHOOK_SECRET.

## Zalo as the platform really behaves
zalo-unsupported-received = The bot cannot read this kind of message (file, location…): Zalo does not pass its content to bots. Please send a photo of each page or type the text; type /help to see the commands.
zalo-group-private-only = Dear colleagues, the bot works in private messages only: please message the bot privately to join the conference, confirm attendance or send a speech. Best regards.
