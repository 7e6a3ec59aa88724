// Every command of the bot, in the order help and menus show them.
import { generalCommands, helpCommand } from "./general.js";
import { type CommandLayer, createCommandLayer, type TextTrigger } from "./router.js";
import type { CommandDef, Services } from "./types.js";

/** Feature modules add their commands here. */
const featureCommands: CommandDef[][] = [generalCommands];
const featureTriggers: TextTrigger[][] = [];

export function createBot(services: Services): CommandLayer {
  let layer: CommandLayer | undefined;
  const help = helpCommand((ctx) => layer?.visible(ctx.role) ?? []);
  const [start, ...rest] = featureCommands.flat();
  const defs = [start as CommandDef, help, ...rest];
  layer = createCommandLayer(services, defs, featureTriggers.flat());
  return layer;
}
