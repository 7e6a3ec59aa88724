// The Telegram channel's public face; `hoinghi start` runs it from the list in src/app/channels.ts.
export { createTelegramChannel, type TelegramChannel } from "./channel.js";
export type { TelegramChannelOptions } from "./context.js";
export { WEBHOOK_PATH } from "./webhook.js";
