# Messages of the Telegram channel (English).

telegram-choose-hint = Press a button below or type its number to choose.
telegram-group-private-only = This command works only in a private chat with the bot. Please open the bot and send it there.
