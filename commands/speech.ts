// Assigned speeches: /thamluan (topic, deadline, status, submitting in any form), /xong, and the organizers' /duyet.
import { editSession, saveSession } from "./session.js";
import { readStoredFile, safeExtension, saveFile, type StoredFile } from "../src/lib/files.js";
import type { Translate } from "../src/lib/i18n.js";
import type { Unit } from "../src/conference/schema.js";
import { clip } from "../src/lib/text.js";
import { formatDateTime } from "../src/lib/time.js";
import type { Account, Data, SpeechRecord, SpeechReview, SpeechVersion } from "../storage/schema.js";
import { requireUnit } from "./general.js";
import { roleOf } from "./identity.js";
import { choices, text } from "./replies.js";
import { fold } from "./router.js";
import { latestReview, latestVersion, MAX_SPEECH_CHARS, maySubmit, speechStatus, speechStatusLabel } from "./speech-state.js";
import {
  BadArguments,
  type Choice,
  type CommandContext,
  type CommandDef,
  DeadlinePassed,
  type IncomingFile,
  type Outgoing,
  type Reply,
  UserError,
} from "./types.js";

/** The inner command that receives the parts of a speech typed over several messages. */
export const COLLECT_COMMAND = "/thamluan_phan";
/** What joins the parts of a collected speech: each message reads as a paragraph. */
const PART_SEPARATOR = "\n\n";
const MAX_FILE_BYTES = 10_000_000;
const MAX_NOTE = 1000;
/** Telegram allows 4,096 characters a message; a long speech is shown to the reviewer in pieces. */
const SHOW_CHUNK = 3500;

const DOCUMENT_TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  pdf: "application/pdf",
  odt: "application/vnd.oasis.opendocument.text",
  txt: "text/plain",
};
const IMAGE_TYPES: Record<string, string> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", heic: "image/heic" };

// Some clients send a Word file as application/octet-stream: it passes the router and is then
// judged by its extension.
const ACCEPTS: CommandDef["accepts"] = {
  kinds: ["document", "photo"],
  mimes: [...Object.values(DOCUMENT_TYPES), ...Object.values(IMAGE_TYPES), "image/jpg", "application/octet-stream"],
  maxBytes: MAX_FILE_BYTES,
};

type Collection = NonNullable<NonNullable<Data["sessions"][string]>["collecting"]>;
type VersionFields = Omit<SpeechVersion, "n" | "by" | "at">;

export const unitName = (unit: Unit): string => unit.full_name ?? unit.name;

/** The unit of the person and its assignment, or the one sentence that says why there is none. */
function ownAssignment(ctx: CommandContext): { unit: Unit; topic: string } {
  if (!ctx.unit) throw new UserError("speech-no-unit");
  const assignment = ctx.services.conference.speechFor(ctx.unit.id);
  if (!assignment) throw new UserError("speech-not-assigned", { unit: unitName(ctx.unit) });
  return assignment;
}

function requireOpen(ctx: CommandContext, record: SpeechRecord | undefined): void {
  const deadline = ctx.services.conference.deadline("speech");
  if (!maySubmit(record, deadline, ctx.services.clock.now()))
    throw new DeadlinePassed("speech-deadline-passed", { deadline: formatDateTime(ctx.t, deadline as Date) });
}

const partsCount = (c: Collection | undefined): number => (c ? c.parts.length + (c.pages?.length ?? 0) : 0);
const joinedLength = (parts: string[]): number => parts.join(PART_SEPARATOR).length;

/** Ends the person's collection and the step that fed it (inside a mutate). */
function endCollection(d: Data, key: string): void {
  if (!d.sessions[key]) return;
  editSession(d, key, (s) => {
    delete s.collecting;
    if (s.awaiting?.command === COLLECT_COMMAND) delete s.awaiting;
  });
}

/** /thamluan keeps a waiting step so that a collection survives it; any other step ends, as with every command. */
async function dropForeignAwaiting(ctx: CommandContext): Promise<void> {
  const key = ctx.account.key;
  const awaiting = ctx.services.store.data.sessions[key]?.awaiting;
  if (!awaiting || awaiting.command === COLLECT_COMMAND) return;
  await saveSession(ctx.services.store, key, (s) => {
    if (s.awaiting && s.awaiting.command !== COLLECT_COMMAND) delete s.awaiting;
  });
}

/**
 * Adds a version built from the store as it is at that moment (so a part that arrived a moment ago
 * is not missed); `finish` tidies the session in the same write. Validates before changing anything.
 */
async function addVersion(
  ctx: CommandContext,
  unit: Unit,
  build: (d: Data) => VersionFields,
  finish?: (d: Data) => void,
): Promise<SpeechVersion> {
  const { store, conference, clock } = ctx.services;
  const now = clock.now();
  const deadline = conference.deadline("speech");
  return store.mutate((d) => {
    if (!maySubmit(d.speeches[unit.id], deadline, now))
      throw new DeadlinePassed("speech-deadline-passed", { deadline: formatDateTime(ctx.t, deadline as Date) });
    const fields = build(d);
    const record = d.speeches[unit.id] ?? { unitId: unit.id, versions: [], reviews: [] };
    const version: SpeechVersion = { n: record.versions.length + 1, ...fields, by: ctx.account.key, at: now.toISOString() };
    record.versions.push(version);
    d.speeches[unit.id] = record;
    finish?.(d);
    return version;
  });
}

/** What a version is, in a few words (text and its length, the file name, or the number of pages). */
function describeVersion(t: Translate, v: SpeechVersion): string {
  if (v.kind === "document") return t("speech-what-document", { name: v.file?.name ?? "" });
  if (v.kind === "photo") return t("speech-what-photos", { pages: v.pages?.length ?? 1, chars: v.text?.length ?? 0 });
  return t("speech-what-text", { chars: v.text?.length ?? 0 });
}

/** Sends without ever failing the command: the version is already safe on disk. */
async function send(ctx: CommandContext, messages: Outgoing[]): Promise<number> {
  if (messages.length === 0) return 0;
  try {
    return await ctx.services.notifier.send(messages);
  } catch (err) {
    ctx.services.logger.warn({ err: (err as Error).message, updateId: ctx.req.updateId }, "speech notice not sent");
    return 0;
  }
}

/** One message per account, each in that account's language. */
function messagesTo(ctx: CommandContext, accounts: Account[], build: (t: Translate) => string): Outgoing[] {
  return accounts.map((a) => ({ account: a.key, replies: [text(build(ctx.services.i18n.forLanguage(a.language)))] }));
}

function organizerAccounts(ctx: CommandContext): Account[] {
  const { store, config } = ctx.services;
  return Object.values(store.data.accounts).filter((a) => a.key !== ctx.account.key && roleOf(a, config.organizerIds) === "organizer");
}

async function tellOrganizers(ctx: CommandContext, unit: Unit, v: SpeechVersion): Promise<void> {
  const messages = messagesTo(ctx, organizerAccounts(ctx), (t) =>
    t("speech-new-version", { unit: unitName(unit), n: v.n, what: describeVersion(t, v), time: formatDateTime(t, v.at), id: unit.id }),
  );
  await send(ctx, messages);
  ctx.services.logger.info({ unit: unit.id, version: v.n, kind: v.kind, by: ctx.account.key }, "speech version saved");
}

function saved(ctx: CommandContext, unit: Unit, v: SpeechVersion): Reply {
  return text(ctx.t("speech-saved", { unit: unitName(unit), n: v.n, what: describeVersion(ctx.t, v) }));
}

export function deadlineLine(ctx: CommandContext): string {
  const { t, services } = ctx;
  const deadline = services.conference.deadline("speech");
  if (!deadline) return t("speech-deadline-tba");
  const key = services.clock.now() > deadline ? "speech-deadline-over" : "speech-deadline";
  return t(key, { deadline: formatDateTime(t, deadline) });
}

export function statusLine(t: Translate, record: SpeechRecord | undefined): string {
  const v = latestVersion(record);
  const status = speechStatus(record);
  if (!v || status === "not_submitted") return t("speech-status-not-submitted");
  if (status === "accepted") return t("speech-status-accepted", { n: v.n });
  if (status === "changes_requested") return t("speech-status-changes", { n: v.n, note: latestReview(record)?.note ?? "" });
  return t("speech-status-submitted", { n: v.n, time: formatDateTime(t, v.at) });
}

/** Decides what a received file is: a whole speech (document) or a page (photo); refuses other files. */
function classifyFile(file: IncomingFile): { kind: "document" | "photo"; ext: string; mime: string } {
  const ext = safeExtension(file.name, "");
  if (file.kind === "photo" || file.mime.startsWith("image/")) {
    const byMime = Object.entries(IMAGE_TYPES).find(([, m]) => m === file.mime)?.[0];
    const e = ext === "jpeg" ? "jpg" : ext in IMAGE_TYPES ? ext : (byMime ?? "jpg");
    return { kind: "photo", ext: e, mime: file.mime.startsWith("image/") ? file.mime : (IMAGE_TYPES[e] as string) };
  }
  const byExt = ext in DOCUMENT_TYPES ? ext : undefined;
  const byMime = Object.entries(DOCUMENT_TYPES).find(([, m]) => m === file.mime)?.[0];
  // A name with another extension (.exe, .zip) is refused even under a document's type.
  if ((ext && !byExt) || !(byExt ?? byMime)) throw new UserError("speech-file-type");
  const e = (byExt ?? byMime) as string;
  return { kind: "document", ext: e, mime: file.mime === "application/octet-stream" ? (DOCUMENT_TYPES[e] as string) : file.mime };
}

/**
 * A file sent with /thamluan or while collecting. A document is a whole speech: it becomes a version
 * at once. A photo is a page: pages gather in the collection and /xong makes them one version, so a
 * speech photographed page by page (Zalo sends only images) reaches the reviewer whole.
 */
async function receiveFile(ctx: CommandContext, unit: Unit, caption: string): Promise<Reply[]> {
  const { store, clock } = ctx.services;
  const file = ctx.req.file as IncomingFile;
  const key = ctx.account.key;
  const info = classifyFile(file);
  const record = store.data.speeches[unit.id];
  requireOpen(ctx, record);
  const collection = store.data.sessions[key]?.collecting;
  if (info.kind === "photo" && caption) {
    const length = joinedLength([...(collection?.parts ?? []), caption]);
    if (length > MAX_SPEECH_CHARS) throw new UserError("speech-part-too-long", { max: MAX_SPEECH_CHARS, length: joinedLength(collection?.parts ?? []) });
  }
  const data = await file.download();
  if (data.length > MAX_FILE_BYTES) throw new UserError("speech-file-too-large", { mb: MAX_FILE_BYTES / 1_000_000 });
  if (data.length === 0) throw new UserError("speech-file-empty");
  const next = (record?.versions.length ?? 0) + 1;

  if (info.kind === "document") {
    const name = file.name || `thamluan.${info.ext}`;
    const stored = await saveFile(store.dir, { stem: `${unit.id}-v${next}`, ext: info.ext, name, mime: info.mime }, data);
    // Parts typed before the document (or while it downloaded) stay for /xong; an empty collection just ends.
    const v = await addVersion(
      ctx,
      unit,
      () => ({ kind: "document", file: stored, ...(caption ? { text: caption } : {}) }),
      (d) => {
        if (partsCount(d.sessions[key]?.collecting) === 0) endCollection(d, key);
      },
    );
    await tellOrganizers(ctx, unit, v);
    const replies = [saved(ctx, unit, v)];
    const waiting = partsCount(store.data.sessions[key]?.collecting);
    if (waiting > 0) replies.push(text(ctx.t("speech-still-collecting", { parts: waiting })));
    return replies;
  }

  const page = (collection?.pages?.length ?? 0) + 1;
  const name = file.name || `page-${page}.${info.ext}`;
  const stored: StoredFile = await saveFile(store.dir, { stem: `${unit.id}-v${next}-page${page}`, ext: info.ext, name, mime: info.mime }, data);
  const now = clock.now().toISOString();
  const pages = await store.mutate((d) => {
    let count = 0;
    editSession(d, key, (s) => {
      if (!s.collecting) {
        s.collecting = { kind: "speech", parts: [], startedAt: now, pages: [] };
        delete s.choices;
      }
      s.collecting.pages = [...(s.collecting.pages ?? []), stored];
      if (caption) s.collecting.parts.push(caption);
      s.awaiting = { command: COLLECT_COMMAND, prompt: "speech-how", offeredAt: now };
      count = s.collecting.pages.length;
    });
    return count;
  });
  return [text(ctx.t("speech-page-received", { page: pages }))];
}

async function submitText(ctx: CommandContext, unit: Unit, body: string): Promise<Reply[]> {
  const key = ctx.account.key;
  if (!body.trim()) throw new UserError("speech-empty");
  if (body.length > MAX_SPEECH_CHARS) throw new UserError("speech-too-long", { length: body.length, max: MAX_SPEECH_CHARS });
  requireOpen(ctx, ctx.services.store.data.speeches[unit.id]);
  const v = await addVersion(
    ctx,
    unit,
    () => ({ kind: "text", text: body }),
    // An empty collection opened by a bare /thamluan is no longer needed.
    (d) => {
      if (partsCount(d.sessions[key]?.collecting) === 0) endCollection(d, key);
    },
  );
  await tellOrganizers(ctx, unit, v);
  return [saved(ctx, unit, v)];
}

/** /thamluan alone: topic, deadline, status; and, while submitting is open, the collection starts. */
async function overview(ctx: CommandContext, unit: Unit, topic: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const { store, clock } = services;
  const key = ctx.account.key;
  const record = store.data.speeches[unit.id];
  const lines = [t("speech-title", { unit: unitName(unit) }), t("speech-topic", { topic }), deadlineLine(ctx), statusLine(t, record)];
  if (record && record.versions.length > 1) lines.push(t("speech-versions-kept", { count: record.versions.length }));
  if (!maySubmit(record, services.conference.deadline("speech"), clock.now())) {
    lines.push("", t("speech-closed"));
    return [text(lines.join("\n"))];
  }
  const collection = store.data.sessions[key]?.collecting;
  const now = clock.now().toISOString();
  await saveSession(store, key, (s) => {
    if (!s.collecting) s.collecting = { kind: "speech", parts: [], startedAt: now, pages: [] };
    // Numbers typed now are speech text, not a pick from choices offered earlier.
    delete s.choices;
    s.awaiting = { command: COLLECT_COMMAND, prompt: "speech-how", offeredAt: now };
  });
  lines.push("");
  if (partsCount(collection) > 0) lines.push(t("speech-collecting-now", { parts: partsCount(collection) }));
  else lines.push(t(record?.versions.length ? "speech-how-again" : "speech-how"));
  return [text(lines.join("\n"))];
}

const speech: CommandDef = {
  name: "thamluan",
  aliases: ["speech"],
  // Organizers too, for one who joined a unit; without a unit they get one sentence.
  roles: ["delegate", "organizer"],
  describe: "cmd-speech",
  maxArgs: MAX_SPEECH_CHARS,
  accepts: ACCEPTS,
  keepsAwaiting: true,
  async handler(ctx) {
    const { unit, topic } = ownAssignment(ctx);
    await dropForeignAwaiting(ctx);
    if (ctx.req.file) return receiveFile(ctx, unit, ctx.args);
    if (ctx.args) {
      // The deadline first: after it, neither a new text nor the parts waiting can be submitted.
      requireOpen(ctx, ctx.services.store.data.speeches[unit.id]);
      const collection = ctx.services.store.data.sessions[ctx.account.key]?.collecting;
      if (partsCount(collection) > 0) throw new UserError("speech-busy", { parts: partsCount(collection) });
      return submitText(ctx, unit, ctx.args);
    }
    return overview(ctx, unit, topic);
  },
};

/** Receives one message of a speech being collected (the router sends free text here). */
const speechPart: CommandDef = {
  name: COLLECT_COMMAND.slice(1),
  aliases: [],
  roles: ["delegate", "organizer"],
  describe: "cmd-speech-part",
  maxArgs: MAX_SPEECH_CHARS,
  accepts: ACCEPTS,
  listed: false,
  keepsAwaiting: true,
  async handler(ctx) {
    const { unit } = ownAssignment(ctx);
    const { store } = ctx.services;
    const key = ctx.account.key;
    const collection = store.data.sessions[key]?.collecting;
    if (!collection) throw new UserError("speech-not-collecting");
    if (ctx.req.file) return receiveFile(ctx, unit, ctx.args);
    const part = ctx.args;
    if (!part) throw new UserError("speech-part-empty");
    requireOpen(ctx, store.data.speeches[unit.id]);
    const before = joinedLength(collection.parts);
    if (joinedLength([...collection.parts, part]) > MAX_SPEECH_CHARS)
      throw new UserError("speech-part-too-long", { max: MAX_SPEECH_CHARS, length: before });
    const n = await store.mutate((d) => {
      const c = d.sessions[key]?.collecting;
      if (!c) throw new UserError("speech-not-collecting");
      c.parts.push(part);
      return partsCount(c);
    });
    return [text(ctx.t("speech-part-received", { n }))];
  },
};

const done: CommandDef = {
  name: "xong",
  aliases: ["done"],
  roles: ["delegate", "organizer"],
  describe: "cmd-done",
  listed: false,
  keepsAwaiting: true,
  async handler(ctx) {
    const { unit } = ownAssignment(ctx);
    const { store } = ctx.services;
    const key = ctx.account.key;
    if (partsCount(store.data.sessions[key]?.collecting) === 0) throw new UserError("speech-nothing-collected");
    requireOpen(ctx, store.data.speeches[unit.id]);
    const v = await addVersion(
      ctx,
      unit,
      (d) => {
        const c = d.sessions[key]?.collecting;
        if (!c || partsCount(c) === 0) throw new UserError("speech-nothing-collected");
        const joined = c.parts.join(PART_SEPARATOR);
        if (joined.length > MAX_SPEECH_CHARS) throw new UserError("speech-too-long", { length: joined.length, max: MAX_SPEECH_CHARS });
        const pages = c.pages ?? [];
        if (pages.length === 0) return { kind: "text", text: joined };
        return { kind: "photo", file: pages[0], pages: [...pages], ...(joined ? { text: joined } : {}) };
      },
      (d) => endCollection(d, key),
    );
    await tellOrganizers(ctx, unit, v);
    return [saved(ctx, unit, v)];
  },
};

// ---- Review ----

const ACCEPT_WORDS = new Set(["chapnhan", "accept", "dongy"]);
const CHANGES_WORDS = new Set(["sua", "chinhsua", "changes", "change"]);

export interface ReviewArgs {
  query: string;
  /** The version the organizer read ("v2"), when the command came from a choice. */
  version?: number;
  verb?: "accept" | "changes";
  note: string;
}

/** "ban-lang v2 sua NOTE" → unit "ban-lang", version 2, changes, the note; the verb may be two words. */
export function parseReviewArgs(args: string): ReviewArgs {
  const tokens = args.split(/\s+/).filter(Boolean);
  const words = tokens.map(fold);
  let verb: ReviewArgs["verb"];
  let at = tokens.length;
  let noteFrom = tokens.length;
  for (let i = 1; i < tokens.length; i++) {
    const w = words[i] as string;
    const pair = `${w}${words[i + 1] ?? ""}`;
    if (ACCEPT_WORDS.has(w) || CHANGES_WORDS.has(w)) {
      verb = ACCEPT_WORDS.has(w) ? "accept" : "changes";
      [at, noteFrom] = [i, i + 1];
    } else if (pair === "chapnhan" || pair === "chinhsua") {
      verb = pair === "chapnhan" ? "accept" : "changes";
      [at, noteFrom] = [i, i + 2];
    } else continue;
    break;
  }
  const unitTokens = tokens.slice(0, at);
  let version: number | undefined;
  const last = unitTokens.at(-1);
  if (unitTokens.length > 1 && last && /^v\d{1,4}$/i.test(last)) {
    version = Number(last.slice(1));
    unitTokens.pop();
  }
  return { query: unitTokens.join(" "), version, verb, note: tokens.slice(noteFrom).join(" ") };
}

/** Splits a long text at line breaks (or spaces) into pieces a chat message can hold. */
export function splitText(body: string, max = SHOW_CHUNK): string[] {
  const pieces: string[] = [];
  let rest = body;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    // No break to cut at: cut between whole characters (never half an emoji).
    if (cut < max / 2) cut = clip(rest, max).length || max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function unitAccounts(ctx: CommandContext, unitId: string): Account[] {
  return Object.values(ctx.services.store.data.accounts).filter((a) => a.unitId === unitId);
}

async function reviewList(ctx: CommandContext): Promise<Reply[]> {
  const { t, services } = ctx;
  const speeches = services.store.data.speeches;
  const list: Choice[] = services.conference.conf.speeches.flatMap((s) => {
    const unit = services.conference.unit(s.unit);
    return unit ? [{ label: speechStatusLabel(t, unit.name, speeches[unit.id]), command: `/duyet ${unit.id}` }] : [];
  });
  if (list.length === 0) return [text(t("review-none-assigned"))];
  return [choices([t("review-list-title"), deadlineLine(ctx), "", t("review-list-choose")].join("\n"), list)];
}

async function showVersion(ctx: CommandContext, unit: Unit, topic: string, record: SpeechRecord, v: SpeechVersion): Promise<Reply[]> {
  const { t, services } = ctx;
  const by = services.store.data.accounts[v.by]?.displayName ?? v.by;
  const header = [
    t("review-header", { unit: unitName(unit), n: v.n, total: record.versions.length, time: formatDateTime(t, v.at), by }),
    t("speech-topic", { topic }),
    statusLine(t, record),
  ].join("\n");
  const replies: Reply[] = [];
  const files = v.kind === "photo" ? (v.pages ?? (v.file ? [v.file] : [])) : v.file ? [v.file] : [];
  if (v.kind === "text") {
    const pieces = splitText(v.text ?? "");
    replies.push(text(`${header}\n\n${pieces[0] ?? ""}`));
    for (const piece of pieces.slice(1)) replies.push(text(piece));
  } else {
    for (const [i, f] of files.entries()) {
      let data: Buffer;
      try {
        data = await readStoredFile(services.store.dir, f.path);
      } catch (err) {
        services.logger.error({ err: (err as Error).message, unit: unit.id, version: v.n, path: f.path }, "stored speech file unreadable");
        replies.push(text(t("review-file-missing", { name: f.name })));
        continue;
      }
      const caption = i === 0 ? header : t("review-page", { page: i + 1, pages: files.length });
      if (v.kind === "photo") replies.push({ kind: "photo", name: f.name, data, caption });
      else replies.push({ kind: "file", name: f.name, mime: f.mime, data, caption });
    }
    if (v.text) for (const piece of splitText(v.text)) replies.push(text(piece));
  }
  const offered: Choice[] = [];
  if (speechStatus(record) !== "accepted") offered.push({ label: t("review-accept"), command: `/duyet ${unit.id} v${v.n} chapnhan` });
  offered.push({ label: t("review-changes"), command: `/duyet ${unit.id} v${v.n} sua` });
  replies.push(choices(t("review-choose", { n: v.n }), offered));
  return replies;
}

async function decide(ctx: CommandContext, unit: Unit, n: number, decision: SpeechReview["decision"], note?: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const key = ctx.account.key;
  const now = services.clock.now().toISOString();
  await services.store.mutate((d) => {
    const record = d.speeches[unit.id];
    const latest = latestVersion(record);
    if (!record || !latest) throw new UserError("review-nothing", { unit: unitName(unit) });
    if (latest.n !== n) throw new UserError("review-stale", { unit: unitName(unit), n: latest.n, id: unit.id });
    if (decision === "accepted" && latestReview(record)?.decision === "accepted")
      throw new UserError("review-already-accepted", { unit: unitName(unit), n });
    record.reviews.push({ version: n, decision, ...(note ? { note } : {}), by: key, at: now });
    editSession(d, key, (s) => {
      if (s.awaiting?.command.startsWith("/duyet ")) delete s.awaiting;
    });
  });
  services.logger.info({ unit: unit.id, version: n, decision, by: key }, "speech reviewed");
  const accounts = unitAccounts(ctx, unit.id);
  const told = await send(
    ctx,
    messagesTo(ctx, accounts, (tt) =>
      decision === "accepted"
        ? tt("speech-review-accepted", { unit: unitName(unit), n })
        : tt("speech-review-changes", { unit: unitName(unit), n, note: note ?? "" }),
    ),
  );
  const said = t(decision === "accepted" ? "review-accepted" : "review-changes-sent", { unit: unitName(unit), n });
  const reach = told > 0 ? t("review-told", { count: told }) : t("review-told-none");
  return [text(`${said}\n${reach}`)];
}

const review: CommandDef = {
  name: "duyet",
  aliases: ["review"],
  roles: ["organizer"],
  describe: "cmd-review",
  async handler(ctx) {
    const { t, services } = ctx;
    if (!ctx.args) return reviewList(ctx);
    const p = parseReviewArgs(ctx.args);
    if (!p.query) throw new BadArguments("review-usage");
    const unit = requireUnit(ctx, p.query);
    const assignment = services.conference.speechFor(unit.id);
    if (!assignment) throw new UserError("review-not-assigned", { unit: unitName(unit) });
    const record = services.store.data.speeches[unit.id];
    const latest = latestVersion(record);
    if (!record || !latest) throw new UserError("review-nothing", { unit: unitName(unit) });
    if (p.version !== undefined && p.version !== latest.n) throw new UserError("review-stale", { unit: unitName(unit), n: latest.n, id: unit.id });
    if (!p.verb) return showVersion(ctx, unit, assignment.topic, record, latest);
    if (p.verb === "accept") return decide(ctx, unit, latest.n, "accepted");
    if (!p.note) {
      const now = services.clock.now().toISOString();
      await saveSession(services.store, ctx.account.key, (s) => {
        s.awaiting = { command: `/duyet ${unit.id} v${latest.n} sua`, prompt: "review-ask-note", offeredAt: now };
        // The note is free text: a number in it must not pick "accept" from the choices just shown.
        delete s.choices;
      });
      return [text(t("review-ask-note", { unit: unitName(unit), n: latest.n, max: MAX_NOTE }))];
    }
    if (p.note.length > MAX_NOTE) throw new UserError("review-note-too-long", { max: MAX_NOTE });
    return decide(ctx, unit, latest.n, "changes_requested", p.note);
  },
};

export const speechCommands: CommandDef[] = [speech, speechPart, done, review];
