// Which conference a message acts on, before any command reads it: the one that concerns the person
// (the running conference that invites their unit; an organizer, any running one), the one they chose
// when two do, or the question "which?", asked once and remembered. Each conference has its own
// command layer; this one only chooses among them, and reads nothing else of the message.
import type { Account, WaitingMessage } from "../storage/schema.js";
import type { RootStore } from "../storage/store.js";
import { askConference, chooseConference, concerning, mayWait, pickFor, waitingFor } from "../src/domain/conferences.js";
import { accountKey, normalizeCode, roleOf } from "../src/domain/identity.js";
import type { I18n, Translate } from "../src/lib/i18n.js";
import { fold } from "../src/lib/text.js";
import type { Clock } from "../src/lib/time.js";
import type { Reply, Request } from "../src/messages/types.js";
import { forgetWaiting, replayOf, type Waiting, waitingOf } from "./conference-waiting.js";
import { noticeTriggers } from "./notices.js";
import type { Answer, CommandLayer } from "./router.js";

/** The set of the question "which conference?": a press of its buttons is read here, never by a conference's layer. */
export const CONFERENCE_SET = "hoinghi";

/** A conference as the router sees it. */
export interface RoutedConference {
  id: string;
  bot: CommandLayer;
  title: string;
  closed(): boolean;
  invites(unitId: string): boolean;
}

export interface ConferenceRouterDeps {
  root: RootStore;
  /** The conference of CONFERENCE_FILE: a newcomer's, when nothing else decides. */
  primary: () => RoutedConference;
  /** Every conference, in the order they were added. */
  all: () => RoutedConference[];
  organizerIds: Set<string>;
  clock: Clock;
  i18n: I18n;
  defaultLanguage: string;
}

export function createConferenceRouter(deps: ConferenceRouterDeps): CommandLayer {
  const { root } = deps;
  const primary = () => deps.primary();

  /** The conference whose invite code a newcomer typed ("/start ABC…" or the code alone), if running. */
  function byCode(text: string): RoutedConference | undefined {
    const typed = text.replace(/^\/start(@\S+)?\s*/i, "").trim();
    if (!typed) return undefined;
    const code = normalizeCode(typed);
    const invite = root.data.invites.find((i) => !i.revokedAt && i.code === code);
    if (!invite) return undefined;
    return deps.all().filter((c) => !c.closed() && c.invites(invite.target)).at(-1);
  }

  /** The conference an answer to the question names: its button, its number, or words of its title. */
  function answered(req: Request, ids: string[]): string | undefined {
    if (req.press && "setId" in req.press) return req.press.setId === CONFERENCE_SET ? ids[req.press.index - 1] : undefined;
    const text = fold(req.text ?? "").trim();
    const n = /^(?:so\s*)?(\d{1,2})$/.exec(text);
    if (n) return ids[Number(n[1]) - 1];
    if (text.length < 4) return undefined;
    const hits = ids.filter((id) => fold(titleOf(id)).includes(text));
    return hits.length === 1 ? hits[0] : undefined;
  }

  /** /hoinghi typed, or an answer to its choices (a button of its set, or a number while they are offered). */
  function choosing(req: Request, key: string): boolean {
    if (!req.press && /^\/(?:hoinghi|conferences?)(?:@\S+)?(?:\s|$)/i.test((req.text ?? "").trim())) return true;
    const offered = root.data.sessions[key]?.choices;
    if (!offered?.steps.some((st) => st.kind.startsWith("conference."))) return false;
    if (req.press && "setId" in req.press) return req.press.setId === offered.setId;
    return !req.press && /^\d{1,2}$/.test((req.text ?? "").trim());
  }

  const titleOf = (id: string) => deps.all().find((c) => c.id === id)?.title ?? id;

  /**
   * "Đã nhận" (its button, or the words) acknowledges a notice, whatever the conference, never asked
   * which: the button goes to its notice's conference; the words to the first conference, whose
   * command finds the latest notice the person received (notices and deliveries are shared).
   */
  function acknowledging(req: Request): RoutedConference | undefined {
    const step = req.press && "step" in req.press ? (req.press.step as { kind?: unknown; id?: unknown }) : undefined;
    if (!step) return !req.press && noticeTriggers.some((tr) => tr.command === "/danhan" && tr.matches(fold(req.text ?? "").trim())) ? primary() : undefined;
    if (step.kind !== "notice.ack" || typeof step.id !== "string") return undefined;
    const id = root.data.notices.find((n) => n.id === step.id)?.conference;
    return deps.all().find((c) => c.id === id && !c.closed()) ?? primary();
  }

  async function answer(req: Request): Promise<Answer> {
    try {
      return await route(req);
    } catch {
      // Never a message lost to the choice of a conference: the first one answers it.
      return primary().bot.answer(req);
    }
  }

  async function route(req: Request): Promise<Answer> {
    const key = accountKey(req.channel, req.userId);
    const account: Account | undefined = root.data.accounts[key];
    const organizer = account ? roleOf(account, deps.organizerIds) === "organizer" : deps.organizerIds.has(key);
    const all = deps.all();
    const running = all.filter((c) => !c.closed());
    const t = deps.i18n.forLanguage(account?.language ?? req.language ?? deps.defaultLanguage);
    const concerned = concerning(running.map((c) => ({ id: c.id, invites: (u) => c.invites(u) })), account, organizer);

    // The answer to the question asked: remembered, and the messages that waited for it handled.
    const asked = account?.conferenceAsked;
    if (asked) {
      const id = answered(req, asked.ids.filter((x) => concerned.includes(x)));
      const chosen = id ? running.find((c) => c.id === id) : undefined;
      if (chosen) {
        const waiting = await chooseConference(root, key, chosen.id);
        const told: Reply = { kind: "text", text: t("conference-chosen", { title: chosen.title }) };
        return replay(req, chosen, waiting, { replies: [told], refused: false });
      }
    }

    const ack = acknowledging(req);
    if (ack) return ack.bot.answer(req);
    // /hoinghi and its choices choose the conference themselves: never asked which first; a choice made
    // there answers the question too, and what waited for it is handled in the conference chosen.
    if (choosing(req, key)) return switched(req, key, await primary().bot.answer(req), waitingFor(asked));

    // A person of no unit: the conference of the code they type, else the first.
    if (!organizer && !account?.unitId) return ((req.text && byCode(req.text)) || primary()).bot.answer(req);

    const pick = pickFor(concerned, account);
    if (!pick) {
      // No running conference invites their unit: the last one that did, to read (a closed one changes nothing).
      const unit = account?.unitId;
      const last = unit ? all.filter((c) => c.invites(unit)).at(-1) : undefined;
      return (last ?? primary()).bot.answer(req);
    }
    if (pick.kind === "one") return (running.find((c) => c.id === pick.id) ?? primary()).bot.answer(req);

    // Two or more: asked once, numbered; the message waits for the answer (a file's bytes kept first).
    const now = deps.clock.now();
    const offered = root.data.sessions[key]?.choices;
    const waiting = mayWait(account) ? await waitingOf(req, root.dir, now, offered) : { lostFile: req.file?.name };
    const kept = await askConference(root, key, pick.ids, waiting.message, now);
    if (!kept && waiting.message) await forgetWaiting([waiting.message], root.dir);
    const choices = pick.ids.map((id) => ({ label: titleOf(id), step: { kind: "conference.use", id } }));
    const question = [t("conference-which", { count: pick.ids.length }), ...waitingNote(t, req, kept, waiting)].join("\n");
    return { replies: [{ kind: "choices", text: question, choices, setId: CONFERENCE_SET }], refused: false };
  }

  /** Each message that waited, handled in order in the chosen conference after `told`; kept files removed once handled. */
  async function replay(req: Request, chosen: RoutedConference, waiting: WaitingMessage[], told: Answer): Promise<Answer> {
    const answers: Answer[] = [];
    for (const m of waiting) answers.push(await replayOne(req, chosen, m));
    await forgetWaiting(waiting, root.dir);
    const replies = [...told.replies, ...answers.flatMap((a) => a.replies)];
    return { replies, refused: told.refused || (answers.length > 0 && answers.every((a) => a.refused)) };
  }

  /**
   * One message that waited. A button whose choices are no longer the ones open (they came from a
   * message of the other conference, ended when this one was chosen, or newer ones were offered
   * since) is not taken: the person is told, in one sentence, to type the command again.
   */
  async function replayOne(req: Request, chosen: RoutedConference, m: WaitingMessage): Promise<Answer> {
    const key = accountKey(req.channel, req.userId);
    if (!m.press || root.data.sessions[key]?.choices?.setId === m.press.setId) return chosen.bot.answer(replayOf(req, m, root.dir));
    const t = deps.i18n.forLanguage(root.data.accounts[key]?.language ?? deps.defaultLanguage);
    const text = t("conference-press-gone", { label: m.press.label ?? String(m.press.index), title: chosen.title });
    return { replies: [{ kind: "text", text }], refused: true };
  }

  /** After /hoinghi: when it answered the question (the question is gone, a running conference remembered), what waited is handled there. */
  async function switched(req: Request, key: string, done: Answer, waiting: WaitingMessage[]): Promise<Answer> {
    const account = root.data.accounts[key];
    const chosen = deps.all().find((c) => c.id === account?.conference && !c.closed());
    if (waiting.length === 0 || account?.conferenceAsked || !chosen) return done;
    return replay(req, chosen, waiting, done);
  }

  return {
    get commands() {
      return primary().bot.commands;
    },
    handle: async (req) => (await answer(req)).replies,
    answer,
    visible: (role) => primary().bot.visible(role),
    find: (name) => primary().bot.find(name),
  };
}

/** What the question adds about the message that waits: a file kept (or to send again), a button to be taken (pressed again, or gone). */
function waitingNote(t: Translate, req: Request, kept: boolean, waiting: Waiting): string[] {
  if (req.file) return [t(kept ? "conference-which-file-kept" : "conference-which-file", { name: waiting.message?.file?.name ?? req.file.name })];
  if (waiting.stalePress) return [t("conference-which-press-stale")];
  if (req.press && "setId" in req.press) return [t(kept ? "conference-which-press" : "conference-which-press-again")];
  return [];
}
