// Registers the Zalo channel with `hoinghi start`; it runs when ZALO_BOT_TOKEN is set.
import { registerChannel } from "../../app/main.js";
import { startZalo } from "./channel.js";

registerChannel((app) => startZalo(app));
