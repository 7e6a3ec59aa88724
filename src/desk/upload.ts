// The personal upload page (/nop-tep/<token>): a delegate on a phone picks files and sends them. For a
// speech (its Word, PDF, ODT or TXT file, or photos of its pages) or the commune's remediation plan,
// they become the next version exactly as a file sent on Telegram does (src/actions/speeches.ts,
// src/actions/remedy.ts); for a task, evidence of a progress report (src/actions/tasks.ts); for the
// draft conclusions sent to the unit for comments, its comment (src/actions/conclusions.ts). The token in the address is the capability
// (src/domain/upload-links.ts): signed, for one account of one unit and one purpose, until it expires.
// It is checked before the body is read; the body is counted as it arrives and refused past its
// limit; a refused upload keeps nothing. No cookie, no script; a GET never writes.
import { ConferenceClosed } from "../../storage/conference-view.js";
import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Account } from "../../storage/schema.js";
import { actorOf } from "../actions/actor.js";
import { submitConclusionsCommentFilesAction } from "../actions/conclusions.js";
import { submitRemedyFilesAction } from "../actions/remedy.js";
import { MAX_UPLOAD_PAGES, submitSpeechFilesAction, type UploadedFile } from "../actions/speeches.js";
import { submitTaskEvidenceAction } from "../actions/tasks.js";
import type { Unit } from "../conference/schema.js";
import { COMMENT_FILE_TYPES, MAX_COMMENT_FILE_BYTES } from "../domain/conclusions.js";
import { UserError } from "../domain/errors.js";
import { MAX_SPEECH_FILE_BYTES } from "../domain/speech-files.js";
import { SpeechClosed } from "../domain/speeches.js";
import { isRemedyUnit } from "../domain/remedy.js";
import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES } from "../domain/task-files.js";
import { checkUploadToken, maskUploadToken, type UploadGrant, type UploadPurpose, uploadKey } from "../domain/upload-links.js";
import { unitAddress } from "../domain/units.js";
import type { Translate } from "../lib/i18n.js";
import { formatDateTime } from "../lib/time.js";
import { writeRefusal } from "../messages/refusal.js";
import { renderMessage } from "../messages/render.js";
import type { Notification, Services } from "../messages/types.js";
import { commonArgs, notify } from "../outbox/notify.js";
import { speechDeadlineLine, statusLine } from "../speeches/format.js";
import { unitConclusionsView } from "../views/conclusions.js";
import { deadlinesView } from "../views/letters.js";
import { headingMessages, remedyPlanView } from "../views/remedy.js";
import { speechStatusOf } from "../views/speeches.js";
import { taskView } from "../views/tasks.js";
import { type Html, html, page } from "./html.js";

/** The longest body an upload may send: a document at its limit, or a few photos, and the form around them. */
export const MAX_UPLOAD_BODY_BYTES = 2 * MAX_SPEECH_FILE_BYTES + 64_000;

/** What may be picked: the types a file sent on Telegram may be (src/domain/speech-files.ts). */
const ACCEPT = ".docx,.doc,.pdf,.odt,.txt,image/*";

type UploadDeps = Pick<Services, "store" | "conference" | "clock" | "logger" | "i18n" | "config" | "notifier" | "conferences">;
/** A link that held: what it grants, its unit, and the words of its account's language. */
/** A vetted link: its grant, its unit, the person's words, and the services of the conference it hands files to. */
type Grant = { grant: UploadGrant; unit: Unit; t: Translate; deps: UploadDeps };
type Env = { Variables: { upload: Grant } };

/** A refusal of the upload page: one sentence, a status, nothing kept. */
class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 410 | 413 | 500,
    readonly sentence: string,
  ) {
    super(sentence);
  }
}

const HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff" };

/** What a page of one purpose shows above its form, and the words of the form. */
interface PageText {
  title: string;
  heading: string;
  lines: string[];
  accept: string;
  pick: string;
  send: string;
  expires: string;
}

/** One purpose of a link: whether it still fits its unit, what its page shows, what an upload becomes. */
interface Purpose {
  /** False when the grant no longer fits (no speech assigned, not a commune, the task not the unit's). */
  fits(deps: UploadDeps, grant: UploadGrant): boolean;
  text(deps: UploadDeps, g: Grant): PageText;
  /** Keeps the files as what the purpose makes of them; the sentence saying so, and whom to tell. */
  submit(deps: UploadDeps, g: Grant, files: UploadedFile[]): Promise<{ sentence: string; notifications: Notification[] }>;
}

const EVIDENCE_ACCEPT = `${Object.keys(EVIDENCE_TYPES).map((e) => `.${e}`).join(",")},image/*`;
const COMMENT_ACCEPT = `${Object.keys(COMMENT_FILE_TYPES).map((e) => `.${e}`).join(",")},image/*`;
const actor = (deps: UploadDeps, g: Grant) => actorOf(deps.store.data.accounts[g.grant.account] as Account, "delegate");

const PURPOSES: Record<UploadPurpose, Purpose> = {
  speech: {
    fits: (deps, grant) => Boolean(deps.conference.speechFor(grant.unitId)),
    text(deps, { unit, t }) {
      const deadline = speechDeadlineLine(t, deadlinesView(deps.conference, deps.clock.now()).speech);
      const topic = deps.conference.speechFor(unit.id)?.topic ?? "";
      const lines = [t("speech-topic", { topic }), deadline, statusLine(t, speechStatusOf(deps.store.data.speeches[unit.id]))];
      const pick = t("upload-pick", { mb: MAX_SPEECH_FILE_BYTES / 1_000_000, pages: MAX_UPLOAD_PAGES });
      return { title: t("upload-title"), heading: t("upload-heading", { unit: unitAddress(unit) }), lines, accept: ACCEPT, pick, send: t("upload-send"), expires: "upload-expires" };
    },
    async submit(deps, { grant, unit, t }, files) {
      const done = await submitSpeechFilesAction(deps, grant.account, { unitId: unit.id, files });
      const v = done.result;
      const what = v.kind === "document" ? t("speech-what-document", { name: v.file?.name ?? "" }) : t("speech-what-photos", { pages: v.pages?.length ?? 1, chars: 0 });
      return { sentence: t("speech-saved", { unit: unitAddress(unit), n: v.n, what }), notifications: done.notifications };
    },
  },
  remediation: {
    fits: (deps, grant) => isRemedyUnit(deps.conference, grant.unitId) && Boolean(deps.store.data.scores.publishedAt),
    text(deps, { unit, t }) {
      const view = remedyPlanView(deps.store.data, deps.conference, unit.id, deps.clock.now());
      const deadline = view.deadline ? t(view.passed ? "remedy-deadline-line-over" : "remedy-deadline-line", { deadline: formatDateTime(t, view.deadline) }) : t("remedy-deadline-line-none");
      const headings = view.headings.length > 0 ? [t("remedy-headings-title"), ...headingMessages(view.headings).map((m) => renderMessage(t, m))] : [];
      const lines = [deadline, ...headings, statusLine(t, view.status)];
      const pick = t("upload-pick", { mb: MAX_SPEECH_FILE_BYTES / 1_000_000, pages: MAX_UPLOAD_PAGES });
      return { title: t("remedy-upload-title"), heading: t("remedy-title", { unit: view.unit }), lines, accept: ACCEPT, pick, send: t("remedy-upload-send"), expires: "remedy-upload-expires" };
    },
    async submit(deps, g, files) {
      const done = await submitRemedyFilesAction(deps, actor(deps, g), { files });
      const view = remedyPlanView(deps.store.data, deps.conference, g.unit.id, deps.clock.now());
      return { sentence: g.t("remedy-saved", { unit: view.unit, n: done.result.n, measures: view.measures.length }), notifications: done.notifications };
    },
  },
  "conclusions-comment": {
    // Fits while the unit was asked, issued or not: after the issue the page says so and an upload is refused in one sentence.
    fits: (deps, grant) => Boolean(deps.store.data.conclusions.consultation?.units.includes(grant.unitId)),
    text(deps, { unit, t }) {
      const v = unitConclusionsView(deps.conference, deps.store.data, unit.id);
      const lines = v.issued
        ? [t("conclusions-upload-issued", { number: `${v.issued.number}/${v.issued.symbol}`, day: v.issued.dayText })]
        : [t("conclusions-upload-deadline", { deadline: v.askedBy ?? "" }), t("conclusions-upload-so-far", { comments: v.comments })];
      const pick = t("conclusions-upload-pick", { mb: MAX_COMMENT_FILE_BYTES / 1_000_000, max: MAX_UPLOAD_PAGES });
      return { title: t("conclusions-upload-title"), heading: t("conclusions-upload-heading", { unit: unitAddress(unit) }), lines, accept: COMMENT_ACCEPT, pick, send: t("conclusions-upload-send"), expires: "conclusions-upload-expires" };
    },
    async submit(deps, g, files) {
      const done = await submitConclusionsCommentFilesAction(deps, actor(deps, g), { files });
      return { sentence: g.t("conclusions-upload-saved", { unit: unitAddress(g.unit), files: files.length }), notifications: done.notifications };
    },
  },
  task: {
    fits: (deps, grant) => deps.store.data.tasks.list.some((x) => x.n === grant.task && x.unitId === grant.unitId),
    text(deps, { grant, unit, t }) {
      const task = deps.store.data.tasks.list.find((x) => x.n === grant.task);
      const v = task ? taskView(deps.store.data, deps.conference, task, deps.clock.now()) : undefined;
      const lines = v ? [t("task-detail-content", { content: v.content }), t("task-upload-deadline", { deadline: v.deadlineText }), t("task-detail-state", { state: t(`task-state-${v.state}`) })] : [];
      const pick = t("task-upload-pick", { mb: MAX_EVIDENCE_BYTES / 1_000_000, max: MAX_UPLOAD_PAGES });
      return { title: t("task-upload-title"), heading: t("task-upload-heading", { n: grant.task ?? 0, unit: unitAddress(unit) }), lines, accept: EVIDENCE_ACCEPT, pick, send: t("task-upload-send"), expires: "task-upload-expires" };
    },
    async submit(deps, g, files) {
      const n = g.grant.task ?? 0;
      const done = await submitTaskEvidenceAction(deps, actor(deps, g), { n, files });
      return { sentence: g.t("task-progress-saved", { n, report: done.result.report.n, files: files.length }), notifications: done.notifications };
    },
  },
};

/**
 * The grant of a token, with its unit; refused when forged or expired, when the account has left the
 * unit, or when the purpose no longer fits the unit (no speech assigned, not a commune, not its task).
 */
function vet(first: UploadDeps, token: string, t: Translate): Grant {
  const checked = checkUploadToken(uploadKey(first.store.dir, first.config.uploadSecret), token, first.clock.now());
  // The conference the link was issued for (a closed one refuses what would change it).
  const deps = (checked.ok && checked.grant.conference !== undefined ? first.conferences?.services(checked.grant.conference) : undefined) ?? first;
  return vetIn(deps, checked, token, t);
}

function vetIn(deps: UploadDeps, checked: ReturnType<typeof checkUploadToken>, token: string, t: Translate): Grant {
  if (!checked.ok) {
    deps.logger.info({ token: maskUploadToken(token), reason: checked.reason }, "upload link refused");
    throw new UploadRefused(checked.reason === "expired" ? 410 : 400, t(`upload-link-${checked.reason}`));
  }
  const { grant } = checked;
  const unit = deps.conference.unit(grant.unitId);
  const account = deps.store.data.accounts[grant.account];
  if (!unit || account?.unitId !== grant.unitId || !PURPOSES[grant.purpose].fits(deps, grant)) {
    deps.logger.info({ token: maskUploadToken(token), unit: grant.unitId, purpose: grant.purpose }, "upload link no longer fits its account or unit");
    throw new UploadRefused(403, t("upload-link-not-yours"));
  }
  return { grant, unit, t: deps.i18n.forLanguage(account.language), deps };
}

/** What the link is for, where it stands, and the form. */
function formPage(deps: UploadDeps, g: Grant, action: string, message?: Html): string {
  const { t } = g;
  const p = PURPOSES[g.grant.purpose].text(deps, g);
  const big = "font-size:1.1rem;padding:.7rem 1rem;width:100%;max-width:26rem";
  return page({
    t,
    title: p.title,
    body: html`<h1>${p.heading}</h1>${message ?? ""}
      ${p.lines.map((line) => html`<p>${line}</p>`)}
      <form method="post" action="${action}" enctype="multipart/form-data" class="card">
        <p><label for="tep">${p.pick}</label></p>
        <p><input id="tep" type="file" name="file" accept="${p.accept}" multiple required style="${big}"></p>
        <p><button style="${big}">${p.send}</button></p>
      </form>
      <p>${t(p.expires, { time: formatDateTime(t, new Date(g.grant.expires)) })}</p>`,
  });
}

/** The files of the form (none is a refusal of the action); text fields are ignored. */
async function filesOf(c: Context<Env>, t: Translate): Promise<UploadedFile[]> {
  let body: Record<string, unknown>;
  try {
    body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch {
    throw new UploadRefused(400, t("upload-bad-form"));
  }
  const picked = ([] as unknown[]).concat(body.file ?? []).filter((f): f is File => f instanceof File && f.name !== "");
  return Promise.all(picked.map(async (f) => ({ name: f.name, mime: f.type, data: Buffer.from(await f.arrayBuffer()) })));
}

/** A refusal of the action (type, size, deadline…) in one sentence. */
function refusalSentence(deps: UploadDeps, t: Translate, err: unknown): string | undefined {
  const contact = commonArgs(deps, t);
  if (err instanceof SpeechClosed) return t(err.key, { ...contact, deadline: formatDateTime(t, err.deadline) });
  if (err instanceof UserError) return writeRefusal(t, err, contact);
  if (err instanceof ConferenceClosed) return t("conference-closed-readonly", { title: deps.conference.conf.short_title ?? deps.conference.conf.title });
  return undefined;
}

/** The upload site, mounted at UPLOAD_PATH beside the desk and the public page. */
export function createUploadSite(deps: UploadDeps): Hono<Env> {
  const app = new Hono<Env>();
  const plainT = () => deps.i18n.forLanguage(deps.config.defaultLanguage);
  const refused = (c: Context, status: UploadRefused["status"], sentence: string) =>
    c.html(page({ t: plainT(), title: t0("desk-refused-title"), body: html`<h1>${t0("desk-refused-title")}</h1><p class="refusal">${sentence}</p>` }), status, HEADERS);
  const t0 = (key: string) => plainT()(key);

  app.onError((err, c) => {
    if (err instanceof UploadRefused) return refused(c, err.status, err.sentence);
    deps.logger.error({ err: (err as Error).message }, "upload page failed");
    return refused(c, 500, plainT()("error-internal", commonArgs(deps, plainT())));
  });
  app.notFound((c) => refused(c, 403, t0("upload-link-forged")));

  // The token first: a forged or expired link never gets its body read.
  app.use("/:token", async (c, next) => {
    c.set("upload", vet(deps, c.req.param("token"), plainT()));
    await next();
  });
  app.get("/:token", (c) => c.html(formPage(c.get("upload").deps, c.get("upload"), c.req.path), 200, HEADERS));
  const limit = bodyLimit({ maxSize: MAX_UPLOAD_BODY_BYTES, onError: (c) => refused(c, 413, plainT()("upload-too-large", { mb: MAX_UPLOAD_BODY_BYTES / 1_000_000 })) });
  app.post("/:token", limit, async (c) => {
    const g = c.get("upload");
    const { t, deps } = g;
    const files = await filesOf(c, t);
    let done: Awaited<ReturnType<Purpose["submit"]>>;
    try {
      done = await PURPOSES[g.grant.purpose].submit(deps, g, files);
    } catch (err) {
      const sentence = refusalSentence(deps, t, err);
      if (!sentence) throw err;
      deps.logger.info({ unit: g.unit.id, refused: (err as UserError).key, files: files.length }, "upload refused");
      return c.html(formPage(deps, g, c.req.path, html`<p class="refusal">${sentence}</p>`), 400, HEADERS);
    }
    await notify(deps, done.notifications);
    return c.html(formPage(deps, g, c.req.path, html`<p class="notice">${done.sentence}</p>`), 200, HEADERS);
  });
  return app;
}
