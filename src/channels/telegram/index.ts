// Registers the Telegram channel with `hoinghi start`: it runs when TELEGRAM_BOT_TOKEN is set.
import { registerChannel } from "../../app/main.js";
import { createTelegramChannel } from "./channel.js";

export { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions, WEBHOOK_PATH } from "./channel.js";

registerChannel(async (app) => {
  if (!app.config.telegram) return undefined;
  const channel = createTelegramChannel(app);
  await channel.start();
  return channel;
});
