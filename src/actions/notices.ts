// What an organizer does with a notice, one function each: write a draft, pick its audience, set its
// time (schedule), send it (now, or at its time), cancel it (a draft, or a notice set for later),
// resend it to those who have not acknowledged, try parked deliveries again. The chat (/thongbao and
// its steps, commands/notices.ts) and the desk (src/desk/pages/notices.ts) call the same functions:
// the same rule, the same refusal. A draft is a stored object with its id (Data.noticeDrafts), so
// the drafts of the chat and of the desk live side by side.
//
// The notice itself is what these actions send: it is filed through the notices port (the outbox),
// which writes its deliveries and sends it at each platform's pace; there is nothing else to tell
// anyone, so `notifications` is empty.
import {
  type Audience,
  cancelScheduledNotice,
  changeAlertData,
  changeAlertOf,
  changeDraft,
  decodeAudience,
  discardDraft,
  NoticeAudienceEmpty,
  openDraft,
  recordTold,
  requireFuture,
  resendOf,
  resolveAudience,
  retryParked,
  writeDraft,
} from "../domain/notices.js";
import { BadArguments, UserError } from "../domain/errors.js";
import type { Done, Services } from "../messages/types.js";
import { Refusal } from "../messages/refusal.js";
import { refusalMessage } from "../views/notices.js";
import type { AccountKey, Notice, NoticeDraft } from "../../storage/schema.js";

/** Zalo's limit for one message, the smallest of the platforms: a notice's text must fit in it. */
export const MAX_NOTICE_TEXT = 2000;

/** The organizer who acts (their account key; the desk signs in as the same account). */
export interface Organizer {
  key: AccountKey;
}

type NoticeServices = Pick<Services, "store" | "conference" | "clock" | "logger" | "notices">;

const done = <T>(result: T): Done<T> => ({ result, notifications: [] });

/** Refused when the audience reaches nobody now. */
function requireReach(services: NoticeServices, audience: Audience): void {
  if (resolveAudience(services.conference, services.store.data, audience).accounts.length === 0) throw new NoticeAudienceEmpty(audience);
}

/** A draft about to be previewed again: its audience, if picked, must still reach someone. */
function requireDraftReach(services: NoticeServices, draft: NoticeDraft): void {
  const audience = decodeAudience(draft.audience ?? "");
  if (audience) requireReach(services, audience);
}

export interface DraftRequest {
  /** An id chosen beforehand (the chat names an attached file after it); fresh when absent. */
  id?: string;
  text: string;
  file?: Notice["file"];
  audience?: Audience;
  sendAt?: Date;
}

/** The rules of a new draft, checked before anything is written (the chat checks them before storing an attached file). */
function checkDraftRules(services: NoticeServices, input: { text: string; file?: unknown; audience?: Audience; sendAt?: Date }): void {
  if (!input.text) throw new BadArguments(input.file ? "notice-file-needs-text" : "notice-empty");
  if (input.text.length > MAX_NOTICE_TEXT) throw new BadArguments("notice-too-long", { max: MAX_NOTICE_TEXT, length: input.text.length });
  requireFuture(input.sendAt, services.clock.now());
  if (input.audience) requireReach(services, input.audience);
}

/** Writes a notice (text, and audience and time if already chosen) as a draft to preview. */
async function draftNotice(services: NoticeServices, by: Organizer, input: DraftRequest): Promise<Done<NoticeDraft>> {
  checkDraftRules(services, input);
  const { id, text, file, audience, sendAt } = input;
  const draft = await writeDraft(services.store, by.key, { id, kind: "broadcast", text, file, audience, sendAt }, services.clock.now());
  return done(draft);
}

/** Picks the audience of an open draft. */
async function chooseAudience(services: NoticeServices, by: Organizer, id: string, audience: Audience): Promise<Done<NoticeDraft>> {
  const now = services.clock.now();
  openDraft(services.store.data, id, by.key, now);
  requireReach(services, audience);
  return done(await changeDraft(services.store, id, by.key, { audience }, now));
}

/** Schedules an open draft: it will go at `sendAt` once sent. */
async function scheduleNotice(services: NoticeServices, by: Organizer, id: string, sendAt: Date): Promise<Done<NoticeDraft>> {
  const now = services.clock.now();
  const draft = openDraft(services.store.data, id, by.key, now);
  requireFuture(sendAt, now);
  requireDraftReach(services, draft);
  return done(await changeDraft(services.store, id, by.key, { sendAt }, now));
}

export interface SentNotice {
  notice: Notice;
  /** Deliveries written (one per account reached). */
  deliveries: number;
  /** Of those, accounts known to have blocked the bot. */
  unreachable: number;
  /** Set when it goes later. */
  sendAt?: Date;
}

/** Of notice `id`'s deliveries, those to accounts known to have blocked the bot. */
function unreachableOf(services: NoticeServices, id: string): number {
  return services.store.data.deliveries.filter((x) => x.noticeId === id && x.state === "unreachable").length;
}

/** Sends an open draft: now, or at the time it was given. Its notice and every delivery are written in one change. */
async function sendNotice(services: NoticeServices, by: Organizer, id: string): Promise<Done<SentNotice>> {
  const now = services.clock.now();
  const draft = openDraft(services.store.data, id, by.key, now);
  const audience = decodeAudience(draft.audience ?? "");
  if (!audience) throw new UserError("notice-audience-missing");
  const sendAt = draft.sendAt ? new Date(draft.sendAt) : undefined;
  requireFuture(sendAt, now);
  const result = await services.notices.create({
    id: draft.id,
    kind: draft.kind,
    text: draft.text,
    file: draft.file,
    audience,
    createdBy: by.key,
    sendAt,
    ackable: true,
    resendOf: draft.resendOf,
    data: draft.data,
    fromDraft: true,
    requireRecipients: true,
  });
  services.logger.info({ by: by.key, notice: result.notice.id, deliveries: result.deliveries }, "notice confirmed");
  return done({ notice: result.notice, deliveries: result.deliveries, unreachable: unreachableOf(services, result.notice.id), ...(sendAt && { sendAt }) });
}

/** Cancels a draft of this organizer's, or a notice set for later that has not begun. */
async function cancelNotice(services: NoticeServices, by: Organizer, id: string): Promise<Done<{ id: string; was: "draft" | "scheduled" }>> {
  if (await discardDraft(services.store, id, by.key)) return done({ id, was: "draft" });
  await cancelScheduledNotice(services.store, id, services.clock.now());
  services.logger.info({ by: by.key, notice: id }, "scheduled notice cancelled");
  return done({ id, was: "scheduled" });
}

/** A draft that resends notice `id` to the accounts that have not acknowledged it, to preview and send. */
async function resendNotice(services: NoticeServices, by: Organizer, id: string): Promise<Done<NoticeDraft>> {
  const { original, audience } = resendOf(services.store.data, id);
  requireReach(services, audience);
  const { kind, text, file, data } = original;
  const draft = await writeDraft(services.store, by.key, { kind, text, file, data, audience, resendOf: id }, services.clock.now());
  return done(draft);
}

/** Tries again the deliveries of notice `id` that were parked as failed. */
async function retryNotice(services: NoticeServices, by: Organizer, id: string): Promise<Done<{ id: string; count: number }>> {
  const count = await retryParked(services.store, id);
  services.notices.kick();
  services.logger.info({ by: by.key, notice: id, deliveries: count }, "parked deliveries tried again");
  return done({ id, count });
}

/** Refused when schedule version `seq` is not the latest, or its alert went already. */
export function checkChangeAlert(services: NoticeServices, seq: number): void {
  const schedule = services.store.data.schedule;
  if (!Number.isInteger(seq) || seq !== schedule.sequence) throw new UserError("notice-change-stale");
  const sent = changeAlertOf(services.store.data, seq, services.conference.id);
  if (sent) throw new UserError("notice-change-already", { id: sent.id });
}

/**
 * Tells every delegate of schedule version `seq`, old beside new, once. The interface writes the
 * notice's text from its data (`write`); the alert then becomes what delegates were last told.
 */
async function sendChangeAlert(services: NoticeServices, by: Organizer, seq: number, write: (data: Record<string, string>) => string): Promise<Done<SentNotice>> {
  checkChangeAlert(services, seq);
  const data = changeAlertData(services.store.data, services.store.data.schedule, seq, services);
  const result = await services.notices.create({
    kind: "schedule_change",
    text: write(data),
    audience: { kind: "all" },
    createdBy: by.key,
    ackable: true,
    changeSequence: seq,
    data,
    requireRecipients: true,
    check(d) {
      if (changeAlertOf(d, seq, services.conference.id)) throw new UserError("notice-change-already", { id: "" });
    },
  });
  // The next alert's "old" is this one's "new": what delegates now know.
  await recordTold(services.store, seq);
  services.logger.info({ by: by.key, notice: result.notice.id, sequence: seq }, "schedule change alert queued");
  return done({ notice: result.notice, deliveries: result.deliveries, unreachable: unreachableOf(services, result.notice.id) });
}

// --- the actions, as every interface calls them ---------------------------------------------
// A refusal of the notices' rules that carries a time or an audience leaves here as a Refusal, so
// the chat and the desk write it alike with the shared writeRefusal.

function carried(services: NoticeServices, err: unknown): unknown {
  const m = refusalMessage(services.conference, err);
  return m ? new Refusal(m) : err;
}

function refusing<A extends unknown[], R>(act: (services: NoticeServices, ...rest: A) => Promise<R>) {
  return async (services: NoticeServices, ...rest: A): Promise<R> => {
    try {
      return await act(services, ...rest);
    } catch (err) {
      throw carried(services, err);
    }
  };
}

/** The rules of a new draft, checked before anything is written (the chat checks them before storing an attached file). */
export function checkDraft(services: NoticeServices, input: Parameters<typeof checkDraftRules>[1]): void {
  try {
    checkDraftRules(services, input);
  } catch (err) {
    throw carried(services, err);
  }
}

export const draftNoticeAction = refusing(draftNotice);
export const chooseAudienceAction = refusing(chooseAudience);
export const scheduleNoticeAction = refusing(scheduleNotice);
export const sendNoticeAction = refusing(sendNotice);
export const cancelNoticeAction = refusing(cancelNotice);
export const resendNoticeAction = refusing(resendNotice);
export const retryNoticeAction = refusing(retryNotice);
export const sendChangeAlertAction = refusing(sendChangeAlert);
