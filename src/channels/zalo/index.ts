// The Zalo channel's public face; `hoinghi start` runs it from the list in src/app/channels.ts.
export { createZaloChannel } from "./channel.js";
export { WEBHOOK_PATH } from "./webhook.js";
