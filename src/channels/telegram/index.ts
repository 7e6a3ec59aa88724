// The Telegram channel's public face; `hoinghi start` runs it from the list in src/app/channels.ts.
export { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions, WEBHOOK_PATH } from "./channel.js";
