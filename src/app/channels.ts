// The channels that `hoinghi start` can run; each module registers itself with registerChannel().
import "../channels/telegram/index.js";
import "../channels/zalo/index.js";
