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
  changeDraft,
  decodeAudience,
  discardDraft,
  NoticeAudienceEmpty,
  openDraft,
  requireFuture,
  resendOf,
  resolveAudience,
  retryParked,
  writeDraft,
} from "../domain/notices.js";
import { BadArguments, UserError } from "../domain/errors.js";
import type { Done, Services } from "../messages/types.js";
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
export function checkDraft(services: NoticeServices, input: { text: string; file?: unknown; audience?: Audience; sendAt?: Date }): void {
  if (!input.text) throw new BadArguments(input.file ? "notice-file-needs-text" : "notice-empty");
  if (input.text.length > MAX_NOTICE_TEXT) throw new BadArguments("notice-too-long", { max: MAX_NOTICE_TEXT, length: input.text.length });
  requireFuture(input.sendAt, services.clock.now());
  if (input.audience) requireReach(services, input.audience);
}

/** Writes a notice (text, and audience and time if already chosen) as a draft to preview. */
export async function draftNoticeAction(services: NoticeServices, by: Organizer, input: DraftRequest): Promise<Done<NoticeDraft>> {
  checkDraft(services, input);
  const { id, text, file, audience, sendAt } = input;
  const draft = await writeDraft(services.store, by.key, { id, kind: "broadcast", text, file, audience, sendAt }, services.clock.now());
  return done(draft);
}

/** Picks the audience of an open draft. */
export async function chooseAudienceAction(services: NoticeServices, by: Organizer, id: string, audience: Audience): Promise<Done<NoticeDraft>> {
  const now = services.clock.now();
  openDraft(services.store.data, id, by.key, now);
  requireReach(services, audience);
  return done(await changeDraft(services.store, id, by.key, { audience }, now));
}

/** Schedules an open draft: it will go at `sendAt` once sent. */
export async function scheduleNoticeAction(services: NoticeServices, by: Organizer, id: string, sendAt: Date): Promise<Done<NoticeDraft>> {
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

/** Sends an open draft: now, or at the time it was given. Its notice and every delivery are written in one change. */
export async function sendNoticeAction(services: NoticeServices, by: Organizer, id: string): Promise<Done<SentNotice>> {
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
  const unreachable = services.store.data.deliveries.filter((x) => x.noticeId === result.notice.id && x.state === "unreachable").length;
  return done({ notice: result.notice, deliveries: result.deliveries, unreachable, ...(sendAt && { sendAt }) });
}

/** Cancels a draft of this organizer's, or a notice set for later that has not begun. */
export async function cancelNoticeAction(services: NoticeServices, by: Organizer, id: string): Promise<Done<{ id: string; was: "draft" | "scheduled" }>> {
  if (await discardDraft(services.store, id, by.key)) return done({ id, was: "draft" });
  await cancelScheduledNotice(services.store, id, services.clock.now());
  services.logger.info({ by: by.key, notice: id }, "scheduled notice cancelled");
  return done({ id, was: "scheduled" });
}

/** A draft that resends notice `id` to the accounts that have not acknowledged it, to preview and send. */
export async function resendNoticeAction(services: NoticeServices, by: Organizer, id: string): Promise<Done<NoticeDraft>> {
  const { original, audience } = resendOf(services.store.data, id);
  requireReach(services, audience);
  const { kind, text, file, data } = original;
  const draft = await writeDraft(services.store, by.key, { kind, text, file, data, audience, resendOf: id }, services.clock.now());
  return done(draft);
}

/** Tries again the deliveries of notice `id` that were parked as failed. */
export async function retryNoticeAction(services: NoticeServices, by: Organizer, id: string): Promise<Done<{ id: string; count: number }>> {
  const count = await retryParked(services.store, id);
  services.notices.kick();
  services.logger.info({ by: by.key, notice: id, deliveries: count }, "parked deliveries tried again");
  return done({ id, count });
}
