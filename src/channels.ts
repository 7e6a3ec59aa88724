// The channels that `hoinghi start` can run; each module registers itself with registerChannel().
import "./telegram/index.js";
import "./zalo/index.js";
