// Tasks' reminders and the organizers' monthly digest, planned at each round of the outbox's planner:
// before a deadline (the conference file's `tasks.remind_days_before`, by default 7 days and 1 day), when overdue (weekly), a periodic report owed, and
// on the first of each month the digest. Each is marked in the store before it is sent, so it goes
// once (src/domain/tasks.ts decides which are due); units acknowledge them as any notice ("Đã nhận").
import { DEFAULT_BEFORE_DAYS, digestDue, dueTaskReminders, findTask, markDigest, markReminded } from "../domain/tasks.js";
import { organizerAccounts } from "../domain/identity.js";
import { accountsOfUnit } from "../domain/units.js";
import type { Notification, Outgoing, SendOptions } from "../messages/types.js";
import { digestMessage, reminderMessage, taskCountsView, taskView } from "../views/tasks.js";
import type { Engine } from "./engine.js";
import { outgoingOf } from "./notify.js";

export type Send = (messages: Outgoing[], options?: SendOptions) => Promise<number>;

/** The reminders due now, each to every account of its unit. */
function reminderNotifications(engine: Engine, now: Date, due: ReturnType<typeof dueTaskReminders>): Notification[] {
  const { store, conference } = engine.deps;
  return due.flatMap((r) => {
    const task = findTask(store.data, r.n);
    if (!task) return [];
    const to = accountsOfUnit(store.data, task.unitId).map((a) => a.key);
    const message = reminderMessage(taskView(store.data, conference, task, now), r.kind, r.days);
    return to.length > 0 ? [{ to, message, options: { kind: "task" as const, ackable: true } }] : [];
  });
}

/** One planner round for tasks: the reminders due and the month's digest, marked then sent. */
export async function planTaskNotices(engine: Engine, send: Send, now: Date): Promise<void> {
  const { store, conference, config, logger, i18n } = engine.deps;
  const due = dueTaskReminders(store.data, now, conference.conf.tasks?.remind_days_before ?? DEFAULT_BEFORE_DAYS);
  const notifications = reminderNotifications(engine, now, due);
  const month = digestDue(store.data, now);
  if (month) {
    const to = organizerAccounts(store.data, config.organizerIds).map((a) => a.key);
    if (to.length > 0) notifications.push({ to, message: digestMessage(taskCountsView(store.data, conference, now), month), options: { kind: "task", ackable: false } });
  }
  if (due.length === 0 && !month) return;
  await markReminded(store, due);
  if (month) await markDigest(store, month);
  for (const r of due) logger.info({ task: r.n, reminder: r.key }, "task reminder queued");
  if (month) logger.info({ month }, "task digest queued");
  for (const n of notifications) {
    const messages = outgoingOf({ store, i18n, conference }, n);
    if (messages.length > 0) await send(messages, n.options);
  }
}
