// The request for remediation plans (kế hoạch khắc phục), planned at each round of the outbox's
// planner: once the results are published, every commune is told — once per publication — its
// three weakest criteria as the plan's headings and the deadline. Marked in the store before it is
// sent, so it goes once; units acknowledge it as any notice ("Đã nhận").
import { remedyRequestNotifications } from "../actions/remedy.js";
import { markRemedyRequested, remedyRequestDue } from "../domain/remedy.js";
import type { Engine } from "./engine.js";
import { outgoingOf } from "./notify.js";
import type { Send } from "./task-reminders.js";

export async function planRemedyRequests(engine: Engine, send: Send): Promise<void> {
  const { store, conference, clock, logger, i18n } = engine.deps;
  const publishedAt = remedyRequestDue(store.data);
  if (!publishedAt) return;
  const notifications = remedyRequestNotifications({ store, conference, clock });
  await markRemedyRequested(store, publishedAt);
  logger.info({ units: notifications.length, publishedAt }, "remediation plans requested");
  for (const n of notifications) {
    const messages = outgoingOf({ store, i18n, conference }, n);
    if (messages.length > 0) await send(messages, n.options);
  }
}
