// Writing notices: the notices port (create, createAndWait) and Notifier.send, each a notice with its deliveries written in one change, then sent.
import type { Outgoing, Reply, SendOptions } from "../messages/types.js";
import type { AccountKey } from "../../storage/schema.js";
import { type CreatedNotice, createDirectNotices, createNotice, type DirectNotice, freshNoticeId, type NewNotice } from "../domain/notices.js";
import { accountOfKey, channelOf, conferenceOf, type Engine, keyOf } from "./engine.js";
import { repliesFingerprint, storeReplies } from "./render.js";

export interface Writing {
  enqueue(input: NewNotice): Promise<CreatedNotice>;
  enqueueAndWait(input: NewNotice): Promise<CreatedNotice & { sent: AccountKey[] }>;
  send(messages: Outgoing[], options?: SendOptions): Promise<number>;
}

export function createWriting(engine: Engine, hooks: { kick(): void }): Writing {
  const { store, logger, clock } = engine.deps;

  async function enqueue(input: NewNotice): Promise<CreatedNotice> {
    const c = conferenceOf(engine, input.conference);
    const result = await createNotice(c.store, c.conference, input, clock.now());
    logger.info({ notice: result.notice.id, kind: result.notice.kind, deliveries: result.deliveries, sendAt: result.notice.sendAt }, "notice queued");
    hooks.kick();
    return result;
  }

  /** Resolves once every key on a running channel had its first attempt; returns the accounts accepted. */
  async function firstAttempts(keys: string[]): Promise<AccountKey[]> {
    const running = engine.stopped ? [] : keys.filter((k) => engine.lanes.has(channelOf(accountOfKey(k))));
    const waits = running.map(
      (k) =>
        new Promise<void>((resolve) => {
          const list = engine.firstAttempt.get(k) ?? [];
          list.push(resolve);
          engine.firstAttempt.set(k, list);
        }),
    );
    // One scan soon for all the sends of this moment (a burst of /dangky tells many people who
    // changed their answer): a scan per send walked every delivery each time. None when no key is
    // on a running channel: nothing here would be sent now.
    if (running.length > 0) hooks.kick();
    await Promise.all(waits);
    return running.filter((k) => engine.locate(store.data, k)?.state === "sent").map(accountOfKey);
  }

  return {
    enqueue,
    async enqueueAndWait(input) {
      const c = conferenceOf(engine, input.conference);
      const result = await createNotice(c.store, c.conference, input, clock.now());
      logger.info({ notice: result.notice.id, kind: result.notice.kind, deliveries: result.deliveries }, "notice queued");
      const pending = store.data.deliveries.filter((d) => d.noticeId === result.notice.id && d.state === "pending").map((d) => keyOf(d.noticeId, d.account));
      const sent = Date.parse(result.notice.sendAt) <= clock.now().getTime() ? await firstAttempts(pending) : [];
      return { ...result, sent };
    },
    /** Notifier.send: the messages become notices (one per distinct message) and deliveries. */
    async send(messages, options = {}) {
      const data = store.data;
      const groups = new Map<string, { replies: Reply[]; accounts: AccountKey[] }>();
      for (const m of messages) {
        if (!data.accounts[m.account] || m.replies.length === 0) continue;
        const fp = repliesFingerprint(m.replies);
        const g = groups.get(fp) ?? { replies: m.replies, accounts: [] };
        if (!g.accounts.includes(m.account)) g.accounts.push(m.account);
        groups.set(fp, g);
      }
      if (groups.size === 0) return 0;
      const reserved = new Set<string>();
      const prepared: DirectNotice[] = [];
      for (const g of groups.values()) {
        const id = freshNoticeId(store.data, reserved);
        reserved.add(id);
        const stored = await storeReplies(store.dir, id, g.replies);
        const first = g.replies.find((r) => r.kind === "text" || r.kind === "choices");
        const text = first && (first.kind === "text" || first.kind === "choices") ? first.text : "";
        prepared.push({ id, replies: stored, text, accounts: g.accounts });
      }
      const written = await createDirectNotices(store, prepared, options, clock.now());
      const sent = await firstAttempts(written.map((x) => keyOf(x.noticeId, x.account)));
      return sent.length;
    },
  };
}
