// The personal upload page (/nop-tep/<token>): a delegate on a phone picks the speech's Word, PDF,
// ODT or TXT file, or photos of its pages, and sends it; it becomes the unit's next version exactly as
// a file sent on Telegram does (src/actions/speeches.ts). The token in the address is the capability
// (src/domain/upload-links.ts): signed, for one account of one unit and one purpose, until it expires.
// It is checked before the body is read; the body is counted as it arrives and refused past its
// limit; a refused upload keeps nothing. No cookie, no script; a GET never writes.
import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { MAX_UPLOAD_PAGES, submitSpeechFilesAction, type UploadedFile } from "../actions/speeches.js";
import type { Unit } from "../conference/schema.js";
import { UserError } from "../domain/errors.js";
import { MAX_SPEECH_FILE_BYTES } from "../domain/speech-files.js";
import { SpeechClosed } from "../domain/speeches.js";
import { checkUploadToken, maskUploadToken, type UploadGrant, uploadKey } from "../domain/upload-links.js";
import { unitAddress } from "../domain/units.js";
import type { Translate } from "../lib/i18n.js";
import { formatDateTime } from "../lib/time.js";
import type { Services } from "../messages/types.js";
import { commonArgs, notify } from "../outbox/notify.js";
import { speechDeadlineLine, statusLine } from "../speeches/format.js";
import { deadlinesView } from "../views/letters.js";
import { speechStatusOf } from "../views/speeches.js";
import { type Html, html, page } from "./html.js";

/** The longest body an upload may send: a document at its limit, or a few photos, and the form around them. */
export const MAX_UPLOAD_BODY_BYTES = 2 * MAX_SPEECH_FILE_BYTES + 64_000;

/** What may be picked: the types a file sent on Telegram may be (src/domain/speech-files.ts). */
const ACCEPT = ".docx,.doc,.pdf,.odt,.txt,image/*";

type UploadDeps = Pick<Services, "store" | "conference" | "clock" | "logger" | "i18n" | "config" | "notifier">;
/** A link that held: what it grants, its unit and topic, and the words of its account's language. */
type Grant = { grant: UploadGrant; unit: Unit; topic: string; t: Translate };
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

/**
 * The grant of a token, with its unit and topic; refused when forged or expired, when the account
 * has left the unit, or when the unit has no speech to hand in.
 */
function vet(deps: UploadDeps, token: string, t: Translate): Grant {
  const checked = checkUploadToken(uploadKey(deps.store.dir, deps.config.uploadSecret), token, deps.clock.now());
  if (!checked.ok) {
    deps.logger.info({ token: maskUploadToken(token), reason: checked.reason }, "upload link refused");
    throw new UploadRefused(checked.reason === "expired" ? 410 : 400, t(`upload-link-${checked.reason}`));
  }
  const { grant } = checked;
  const assignment = deps.conference.speechFor(grant.unitId);
  const account = deps.store.data.accounts[grant.account];
  if (!assignment || account?.unitId !== grant.unitId) {
    deps.logger.info({ token: maskUploadToken(token), unit: grant.unitId }, "upload link no longer fits its account or unit");
    throw new UploadRefused(403, t("upload-link-not-yours"));
  }
  return { grant, unit: assignment.unit, topic: assignment.topic, t: deps.i18n.forLanguage(account.language) };
}

/** Topic, deadline, where the speech stands, and the form. */
function formPage(deps: UploadDeps, g: Grant, action: string, message?: Html): string {
  const { t } = g;
  const record = deps.store.data.speeches[g.unit.id];
  const deadline = speechDeadlineLine(t, deadlinesView(deps.conference, deps.clock.now()).speech);
  const big = "font-size:1.1rem;padding:.7rem 1rem;width:100%;max-width:26rem";
  return page({
    t,
    title: t("upload-title"),
    body: html`<h1>${t("upload-heading", { unit: unitAddress(g.unit) })}</h1>${message ?? ""}
      <p>${t("speech-topic", { topic: g.topic })}</p><p>${deadline}</p><p>${statusLine(t, speechStatusOf(record))}</p>
      <form method="post" action="${action}" enctype="multipart/form-data" class="card">
        <p><label for="tep">${t("upload-pick", { mb: MAX_SPEECH_FILE_BYTES / 1_000_000, pages: MAX_UPLOAD_PAGES })}</label></p>
        <p><input id="tep" type="file" name="file" accept="${ACCEPT}" multiple required style="${big}"></p>
        <p><button style="${big}">${t("upload-send")}</button></p>
      </form>
      <p>${t("upload-expires", { time: formatDateTime(t, new Date(g.grant.expires)) })}</p>`,
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
  if (err instanceof UserError) return t(err.key, { ...contact, ...err.args });
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
  app.get("/:token", (c) => c.html(formPage(deps, c.get("upload"), c.req.path), 200, HEADERS));
  const limit = bodyLimit({ maxSize: MAX_UPLOAD_BODY_BYTES, onError: (c) => refused(c, 413, plainT()("upload-too-large", { mb: MAX_UPLOAD_BODY_BYTES / 1_000_000 })) });
  app.post("/:token", limit, async (c) => {
    const g = c.get("upload");
    const { t } = g;
    const files = await filesOf(c, t);
    let done: Awaited<ReturnType<typeof submitSpeechFilesAction>>;
    try {
      done = await submitSpeechFilesAction(deps, g.grant.account, { unitId: g.unit.id, files });
    } catch (err) {
      const sentence = refusalSentence(deps, t, err);
      if (!sentence) throw err;
      deps.logger.info({ unit: g.unit.id, refused: (err as UserError).key, files: files.length }, "upload refused");
      return c.html(formPage(deps, g, c.req.path, html`<p class="refusal">${sentence}</p>`), 400, HEADERS);
    }
    await notify(deps, done.notifications);
    const v = done.result;
    const what = v.kind === "document" ? t("speech-what-document", { name: v.file?.name ?? "" }) : t("speech-what-photos", { pages: v.pages?.length ?? 1, chars: 0 });
    const saved = html`<p class="notice">${t("speech-saved", { unit: unitAddress(g.unit), n: v.n, what })}</p>`;
    return c.html(formPage(deps, g, c.req.path, saved), 200, HEADERS);
  });
  return app;
}
