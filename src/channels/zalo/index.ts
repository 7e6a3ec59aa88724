// The Zalo channel's public face; `hoinghi start` runs it from the list in src/app/channels.ts.
export { createZaloChannel, WEBHOOK_PATH } from "./channel.js";
