// The one helper that sends what an action implies: each notification written in each recipient's
// language and queued through the outbox (Notifier). Chat, desk and command line all call it.
import { contactOf } from "../domain/contact.js";
import { renderMessage } from "../messages/render.js";
import type { Notification, Outgoing, Services } from "../messages/types.js";

/** The values every message may name: the conference's contact (the "liên hệ" of a sentence). */
export function commonArgs(services: Pick<Services, "conference">, t: (key: string, args?: Record<string, string>) => string): { contact: string } {
  const c = contactOf(services.conference.conf);
  return { contact: c ? t("contact-ref", { name: c.name, phone: c.phone ?? t("contact-phone-tba") }) : "" };
}

/** The messages of one notification, one per known account, each in that account's language. */
export function outgoingOf(services: Pick<Services, "store" | "i18n" | "conference">, n: Notification): Outgoing[] {
  return n.to.flatMap((key) => {
    const account = services.store.data.accounts[key];
    if (!account) return [];
    const t = services.i18n.forLanguage(account.language);
    return [{ account: key, replies: [{ kind: "text", text: renderMessage(t, n.message, commonArgs(services, t)) }] }];
  });
}

/**
 * Sends the notifications; resolves with how many messages the platforms accepted, per notification
 * (0 when the outbox could not take them: that is logged, never the action's failure, since the
 * action itself is already saved).
 */
export async function notify(services: Pick<Services, "store" | "i18n" | "conference" | "notifier" | "logger">, notifications: Notification[]): Promise<number[]> {
  const counts: number[] = [];
  for (const n of notifications) {
    const messages = outgoingOf(services, n);
    if (messages.length === 0) {
      counts.push(0);
      continue;
    }
    try {
      counts.push(await services.notifier.send(messages, n.options));
    } catch (err) {
      services.logger.warn({ err: (err as Error).message, key: n.message.key }, "notification not sent");
      counts.push(0);
    }
  }
  return counts;
}
