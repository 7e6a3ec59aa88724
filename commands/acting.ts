// What the chat hands an action (src/actions/) and how it reads its answer: the one who acts, the
// notifications sent (a refusal, Refusal or UserError, is written by the router in the reader's language).
import { type Actor, actorOf as actorFor } from "../src/actions/actor.js";
import type { Done } from "../src/messages/types.js";
import { notify } from "../src/outbox/notify.js";
import type { CommandContext } from "./types.js";

/** The person who typed the command, as the actions take them. */
export function actorOf(ctx: CommandContext): Actor {
  return actorFor(ctx.account, ctx.role);
}

/** Runs an action and sends what it implies; returns its result and how many messages each notification got out. */
export async function actAndTell<T>(ctx: CommandContext, action: Promise<Done<T>>): Promise<{ result: T; told: number[] }> {
  const done = await action;
  return { result: done.result, told: await notify(ctx.services, done.notifications) };
}
