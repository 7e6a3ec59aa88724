// What a queued notice looks like to one reader, in their language; and replies kept as files for the queue.
import { createHash } from "node:crypto";
import type { Reply } from "../messages/types.js";
import type { Account, Notice, StoredReply } from "../../storage/schema.js";
import type { ConferenceService } from "../conference/service.js";
import { unitAddress } from "../domain/units.js";
import { readStoredFile, safeExtension, saveFile } from "../lib/files.js";
import type { I18n, Translate } from "../lib/i18n.js";
import { formatDateTime } from "../lib/time.js";

/** The step of the "Đã nhận" choice of a notice (commands/steps.ts, "notice.ack"). */
export const ackStep = (noticeId: string) => ({ kind: "notice.ack", id: noticeId });

/** "Thời gian: A → B" / "Địa điểm: X → Y" for a change alert, old beside new. */
function changeLines(t: Translate, data: Record<string, string>): string[] {
  const when = (iso: string | undefined) => (iso ? formatDateTime(t, iso) : t("notice-tba"));
  const lines: string[] = [];
  if (data.beforeStart !== data.afterStart) lines.push(t("schedule-change-time", { before: when(data.beforeStart), after: when(data.afterStart) }));
  else if (data.afterStart) lines.push(t("notice-change-time-same", { time: when(data.afterStart) }));
  if (data.beforePlace !== data.afterPlace) lines.push(t("schedule-change-place", { before: data.beforePlace || t("notice-tba"), after: data.afterPlace || t("notice-tba") }));
  else if (data.afterPlace) lines.push(t("notice-change-place-same", { place: data.afterPlace }));
  // The deadlines that moved with the start (keys in locales/*/speeches.ftl).
  if (data.rsvpDeadline) lines.push(t("notice-change-rsvp-deadline", { time: when(data.rsvpDeadline) }));
  if (data.speechDeadline) lines.push(t("notice-change-speech-deadline", { time: when(data.speechDeadline) }));
  return lines;
}

/** The words of a notice in one language (without the "Đã nhận" hint). */
export function noticeBody(notice: Pick<Notice, "kind" | "text" | "data">, t: Translate, title: string): string {
  const data = notice.data ?? {};
  if (notice.kind === "reminder" && data.start) {
    return [t("notice-reminder-header"), title, t("notice-reminder-time", { time: formatDateTime(t, data.start) }), t("notice-reminder-place", { place: data.place ?? "" })].join("\n");
  }
  if (notice.kind === "schedule_change") return [t("notice-change-header"), title, ...changeLines(t, data)].join("\n");
  if (notice.kind === "broadcast") return `${t("notice-broadcast-header")}\n${notice.text}`;
  // The conclusions' notices (src/actions/conclusions.ts): a message key and its values.
  if (notice.kind === "conclusions" && data.key) return t(data.key, data);
  // A new conference's giấy mời (src/actions/conferences.ts): its times in the reader's words.
  if (notice.kind === "invitation" && data.key) {
    const tba = t("conference-invited-tba");
    return t(data.key, { ...data, time: data.start ? formatDateTime(t, data.start) : tba, place: data.place || tba, deadline: data.deadline ? formatDateTime(t, data.deadline) : tba });
  }
  return notice.text;
}

export interface RenderDeps {
  i18n: I18n;
  conference: ConferenceService;
  dataDir: string;
}

/** Turns a stored reply back into a reply, reading its file. */
async function fromStored(r: StoredReply, dataDir: string): Promise<Reply> {
  if (r.kind === "text") return { kind: "text", text: r.text };
  if (r.kind === "choices") return { kind: "choices", text: r.text, choices: r.choices.map((c) => ({ ...c })) };
  const data = await readStoredFile(dataDir, r.path);
  if (r.kind === "photo") return { kind: "photo", name: r.name, data, caption: r.caption };
  return { kind: "file", name: r.name, mime: r.mime, data, caption: r.caption };
}

/**
 * A chase (/nhacnho) in the reader's language, naming the reader's unit and its own figures as they
 * were when the organizer chased; undefined when the notice carries no chase data.
 */
function chaseText(notice: Notice, account: Account, t: Translate, conference: ConferenceService): string | undefined {
  const data = notice.data ?? {};
  const kind = data.chase;
  const unit = account.unitId ? conference.unit(account.unitId) : undefined;
  if ((kind !== "rsvp" && kind !== "speech") || !unit) return undefined;
  return t(`remind-${kind}-text`, {
    unit: unitAddress(unit),
    missing: Number(data[`missing:${unit.id}`] ?? 0),
    seats: Number(data[`seats:${unit.id}`] ?? unit.seats.length),
    deadline: data.deadline ? formatDateTime(t, data.deadline) : t("report-deadline-tba"),
  });
}

/** The replies one account receives for a notice. */
export async function renderNotice(notice: Notice, account: Account, deps: RenderDeps): Promise<Reply[]> {
  const t = deps.i18n.forLanguage(account.language);
  const conf = deps.conference.conf;
  const replies: Reply[] = [];
  if (notice.replies) {
    for (const r of notice.replies) replies.push(await fromStored(r, deps.dataDir));
  } else {
    if (notice.file) {
      const data = await readStoredFile(deps.dataDir, notice.file.path);
      replies.push(notice.file.mime.startsWith("image/") ? { kind: "photo", name: notice.file.name, data } : { kind: "file", name: notice.file.name, mime: notice.file.mime, data });
    }
    const chased = notice.kind === "chase" ? chaseText(notice, account, t, deps.conference) : undefined;
    replies.push({ kind: "text", text: chased ?? noticeBody(notice, t, conf.short_title ?? conf.title) });
  }
  if (notice.ackable) {
    // The last text becomes a choice "Đã nhận": a button on Telegram, "1. Đã nhận" elsewhere.
    const last = replies[replies.length - 1];
    const body = last?.kind === "text" ? (replies.pop() as { text: string }).text : "";
    replies.push({
      kind: "choices",
      text: [body, t("notice-ack-hint")].filter(Boolean).join("\n\n"),
      choices: [{ label: t("notice-ack-label"), step: ackStep(notice.id) }],
    });
  }
  return replies;
}

/**
 * Keeps the replies of a Notifier.send call for the queue: bytes of files and photos go to
 * DATA_DIR/files (durably) before the notice that points at them is written.
 */
export async function storeReplies(dataDir: string, noticeId: string, replies: Reply[]): Promise<StoredReply[]> {
  const out: StoredReply[] = [];
  for (const r of replies) {
    if (r.kind === "text") out.push({ kind: "text", text: r.text });
    else if (r.kind === "choices") out.push({ kind: "choices", text: r.text, choices: r.choices.map((c) => ({ label: c.label, step: c.step })) });
    else {
      const mime = r.kind === "file" ? r.mime : "image/png";
      const saved = await saveFile(dataDir, { stem: `notice-${noticeId}`, ext: safeExtension(r.name, r.kind === "photo" ? "png" : "bin"), name: r.name, mime }, r.data);
      out.push({ kind: r.kind, name: r.name, mime, path: saved.path, caption: r.caption });
    }
  }
  return out;
}

/** A stable fingerprint of replies, so one Notifier.send call with the same message for many becomes one notice. */
export function repliesFingerprint(replies: Reply[]): string {
  return JSON.stringify(
    replies.map((r) => {
      if (r.kind === "file" || r.kind === "photo") return { ...r, data: createHash("sha256").update(r.data).digest("hex") };
      const { setId: _drop, ...rest } = r as Reply & { setId?: string };
      return rest;
    }),
  );
}
