// Where a conversation can stand: every step a choice takes or a question waits on, as a typed value.
//
// A step is what the bot offered the person and keeps in the store (session.choices, session.awaiting):
// `{ kind: "speech.collect" }`, `{ kind: "speak.withdraw", id }`… Each kind has a schema here (a step
// comes back from the store file and is checked before it runs: one of an unknown kind or with wrong
// values is stale) and one handler in the module of its subject, gathered in ONE table (commands/index.ts)
// whose type needs a handler for every kind, as grammY's `route()`.
//
// Moving a module's choices onto steps (issue 20's second round): add its kinds' schemas below;
// export `xSteps: StepHandlers<"x.a" | "x.b">` from the module (each handler names the command it
// continues) and spread it into `stepTable`; offer `offer(label, step)` instead of `{ label, command }`
// and `awaitStep(store, key, step, prompt, now)` instead of `awaitText`; teach the next schema
// version's migration the module's stored lines (as storage/migration-steps.ts does). Once no module
// is left on command lines, delete the temporary path: the "command.line" kind, `Choice.command`,
// `awaitText`, `awaitingLine`, the `{ commandLine }` form of `AwaitingToEnd`, `commandLineStep` and
// `stepOfChoice` (storage/schema.ts), and the router's `commandLineStep`.
import * as z from "zod";
import type { Choice, Reply } from "../src/messages/types.js";
import type { CommandContext } from "./types.js";

const text = z.string();
const version = z.number().int().min(1);
/** A seat's id in the conference file (src/conference/schema.ts). */
const seatId = z.string().regex(/^[a-z0-9_-]+$/);
const rsvpStatus = z.enum(["attend", "substitute", "absent"]);

/** The schema of each kind of step; the kinds are the keys of the dispatch table. */
const schemas = [
  // ---- An assigned speech (commands/speech.ts) ----
  /** Free text (or a file) is the next part of the speech being collected; "xong" ends it. */
  z.object({ kind: z.literal("speech.collect") }),
  /** "Nộp bản mới": the text that came with it, or the next messages; after acceptance, `confirmed` names the accepted version it replaces. */
  z.object({ kind: z.literal("speech.new"), confirmed: version.optional(), body: text.optional() }),
  /** "Giữ bản N": the accepted version stays. */
  z.object({ kind: z.literal("speech.keep") }),
  /** "Rút bản N": asks to confirm the withdrawal. */
  z.object({ kind: z.literal("speech.withdraw.ask") }),
  /** The withdrawal of version `version`, confirmed. */
  z.object({ kind: z.literal("speech.withdraw"), version }),
  /** The withdrawal declined. */
  z.object({ kind: z.literal("speech.withdraw.keep") }),

  // ---- Speaking in the discussion (commands/speakers.ts) ----
  /** Free text is the topic to register; chosen without text, the topic is asked for. */
  z.object({ kind: z.literal("speak.topic") }),
  /** The unit's registration `id` is withdrawn. */
  z.object({ kind: z.literal("speak.withdraw"), id: z.string().regex(/^[0-9a-f]{8}$/) }),

  // ---- Joining a unit (commands/join.ts) ----
  /** "Chuyển sang …": the account moves to the unit of invite code `code`. */
  z.object({ kind: z.literal("join.move"), code: z.string().regex(/^[0-9A-Z]{1,32}$/) }),
  /** "Ở lại …": nothing changes; the greeting says where the account stands. */
  z.object({ kind: z.literal("join.stay") }),

  // ---- The time and place (commands/schedule.ts) ----
  /** "Vẫn lưu": the time and place asked about are saved without asking again (start as an ISO time). */
  z.object({ kind: z.literal("schedule.keep"), start: z.iso.datetime().optional(), place: text.optional() }),
  /** "Sửa lại": free text is the corrected time and place; chosen without text, it is asked for. */
  z.object({ kind: z.literal("schedule.redo") }),

  // ---- A unit's accounts (commands/invites.ts) ----
  /** An organizer takes account `account` (all of them, without it) out of unit `unit`. */
  z.object({ kind: z.literal("invites.remove"), unit: text, account: text.optional() }),
  /** The unit's accounts, each of which may be removed. */
  z.object({ kind: z.literal("invites.accounts"), unit: text }),

  // ---- Answering a unit's seats (commands/rsvp.ts) ----
  /** "Chủ tịch UBND xã: chưa trả lời": the three answers for seat `seat` of the person's unit. */
  z.object({ kind: z.literal("rsvp.seat"), seat: seatId }),
  /**
   * An answer `status` for seat `seat`: chosen from a seat's three answers (no `text`), it asks for the
   * name or reason; chosen after "which seat?" it records `text` as typed with the answer ("" too).
   */
  z.object({ kind: z.literal("rsvp.answer"), seat: seatId, status: rsvpStatus, text: text.optional() }),
  /**
   * Free text is the name (or "name, position") or the reason of answer `status` for seat `seat`; with
   * `unit`, an organizer answers on behalf of that unit (its id; in a step migrated from schema version
   * 3, its name as the organizer typed it).
   */
  z.object({ kind: z.literal("rsvp.name"), seat: seatId, status: rsvpStatus, unit: text.optional() }),

  // ---- Checking in at the hall (commands/checkin.ts) ----
  /** Free text is the hall code asked for. */
  z.object({ kind: z.literal("checkin.code") }),
  /** The seat `seat` chosen after hall code `code` (as typed, in stored form) when several were the person's. */
  z.object({ kind: z.literal("checkin.seat"), code: z.string().regex(/^[0-9A-Z]{1,32}$/), seat: seatId }),

  // ---- Reminders (commands/report.ts) ----
  /** "/nhacnho": remind the units that lag on their answers (`rsvp`) or their speech (`speech`). */
  z.object({ kind: z.literal("remind"), what: z.enum(["rsvp", "speech"]) }),

  // ---- The router's own (commands/router.ts) ----
  /** "Ý đồng chí là…": the command `name` suggested for an unknown one, with the words typed after it. */
  z.object({ kind: z.literal("command.suggested"), name: z.string().regex(/^[a-z0-9_]+$/), args: text }),
  /**
   * TEMPORARY (issue 20's second round deletes it, with Choice.command and awaitText): a command
   * line of a module not yet on typed steps, run as if typed; a question's answer is added to it.
   */
  z.object({ kind: z.literal("command.line"), line: text }),
] as const;

const StepSchema = z.discriminatedUnion("kind", schemas);

/** A conversation step: a choice's, or a question's that waits for free text. */
export type Step = z.infer<typeof StepSchema>;
export type StepKind = Step["kind"];
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;

/** The kinds the router takes itself: a command (suggested, or TEMPORARY a command line) runs as a command does. */
export type CommandStepKind = "command.suggested" | "command.line";

/** Every kind of step, for tests and the migration's check. */
export const STEP_KINDS: readonly StepKind[] = schemas.map((s) => s.shape.kind.value);

/** A step taken back from the store, if it is one this program knows with values of the right shape. */
export function parseStep(stored: unknown): Step | undefined {
  const parsed = StepSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** What a step does when it is taken. */
export interface StepHandler<S extends Step = Step> {
  /**
   * The command the step continues (its name): whatever that command refuses (the person's role, a
   * file it does not take, text too long) the step refuses with the same sentence.
   */
  command: string;
  /** Takes the step; `typed` is the free text that answered it ("" when the step was chosen). ctx.args is `typed` too. */
  run(ctx: CommandContext, step: S, typed: string): Promise<Reply[]>;
}

/** The handlers of some kinds, each typed by its step: what a module exports. */
export type StepHandlers<K extends StepKind> = { [P in K]: StepHandler<StepOf<P>> };

/** The one dispatch table: a handler for every kind but the router's own. Missing one is a type error. */
export type StepTable = StepHandlers<Exclude<StepKind, CommandStepKind>>;

/** A choice that takes `step`: the one way commands offer a typed step, so that its kind and values are checked here. */
export function offer(label: string, step: Step): Choice {
  return { label, step };
}
