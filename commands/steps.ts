// Where a conversation can stand: every step a choice takes or a question waits on, as a typed value.
//
// A step is what the bot offered the person and keeps in the store (session.choices, session.awaiting):
// `{ kind: "speech.collect" }`, `{ kind: "speak.withdraw", id }`… Each kind has a schema here (a step
// comes back from the store file and is checked before it runs: one of an unknown kind or with wrong
// values is stale) and one handler in the module of its subject, gathered in ONE table (commands/index.ts)
// whose type needs a handler for every kind, as grammY's `route()`.
//
// A new step: add its kind's schema below, in its module's section; export the module's handlers as
// `xSteps: StepHandlers<"x.a" | "x.b">` (each names the command it continues, whose checks of role,
// file and length apply) and spread them into `stepTable`; offer `offer(label, step)` and wait with
// `awaitStep(store, key, step, prompt, now)`. A change to a kind's shape that a stored session may
// still hold needs a migration (storage/migration-steps.ts wrote the first, from command lines).
import * as z from "zod";
import type { Choice, Reply } from "../src/messages/types.js";
import type { CommandContext } from "./types.js";
import { INTENTS } from "../src/domain/questions.js";

const text = z.string();
const version = z.number().int().min(1);
/** A notice's or a notice draft's id (src/domain/notices.ts `newNoticeId`). */
const noticeId = z.string().regex(/^[a-z0-9]{6}$/);
/** A score preview's id (a UUID; "chat-N" for one carried over from schema version 1). */
const previewId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
/** A seat's id in the conference file (src/conference/schema.ts). */
const seatId = z.string().regex(/^[a-z0-9_-]+$/);
const rsvpStatus = z.enum(["attend", "substitute", "absent"]);
/** A task's number (src/domain/tasks.ts), its text, and a criterion's code ("3.2"). */
const taskNumber = z.number().int().min(1);
const taskText = z.string().min(1).max(2000);
const criterionCode = z.string().regex(/^\d{1,2}(\.\d{1,2}){0,3}$/);
const reportEvery = z.enum(["none", "weekly", "monthly"]);
/** A task typed step by step, as shown to confirm: its unit, content, criterion, deadline, supporting units and reports. */
const assignValues = {
  unit: text.min(1),
  content: taskText,
  criterion: criterionCode.optional(),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  supporting: z.array(text.min(1)).max(20).optional(),
  every: reportEvery.optional(),
};

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
  /** While the speech's choices are offered: a file or photo starts the draft with it; words choose ("nộp bản mới", "rút"). */
  z.object({ kind: z.literal("speech.choose") }),
  /** A line taken for a question while collecting, added to the draft after all ("Thêm câu này vào bản tham luận"). */
  z.object({ kind: z.literal("speech.add"), text: text.min(1) }),

  // ---- Speaking in the discussion (commands/speakers.ts) ----
  /** Free text is the topic to register; chosen without text, the topic is asked for. */
  z.object({ kind: z.literal("speak.topic") }),
  /** The unit's registration `id` is withdrawn. */
  z.object({ kind: z.literal("speak.withdraw"), id: z.string().regex(/^[0-9a-f]{8}$/) }),

  // ---- The conferences of the bot (commands/conferences.ts) ----
  /** From now on the person's messages act on conference `id`. */
  z.object({ kind: z.literal("conference.use"), id: z.string().regex(/^[a-z0-9_-]+$/) }),
  /** Closing conference `id`, confirmed by an organizer. */
  z.object({ kind: z.literal("conference.close"), id: z.string().regex(/^[a-z0-9_-]+$/) }),
  /** Closing declined. */
  z.object({ kind: z.literal("conference.keep") }),

  // ---- Joining a unit (commands/join.ts) ----
  /** "Chuyển sang …": the account moves to the unit of invite code `code`. */
  z.object({ kind: z.literal("join.move"), code: z.string().regex(/^[0-9A-Z]{1,32}$/) }),
  /** "Ở lại …": nothing changes; the greeting says where the account stands. */
  z.object({ kind: z.literal("join.stay") }),
  /** While moving to the unit of invite code `code` is asked: free text "có", "ok" moves, "không", "thôi" stays. */
  z.object({ kind: z.literal("join.confirm"), code: z.string().regex(/^[0-9A-Z]{1,32}$/) }),

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

  // ---- Notices (commands/notices.ts): a draft is named by its id (src/actions/notices.ts) ----
  /** Free text (or a file) is the notice to draft: what /thongbao asked for. */
  z.object({ kind: z.literal("notice.text") }),
  /** The audience `audience` picked for draft `draft`; "units" asks which units (free text that answers it names them). */
  z.object({ kind: z.literal("notice.audience"), draft: noticeId, audience: z.enum(["all", "communes", "agencies", "no_rsvp", "no_speech", "units"]) }),
  /** Free text names the units draft `draft` goes to ("Mường So, Nậm Xe"). */
  z.object({ kind: z.literal("notice.units"), draft: noticeId }),
  /** Draft `draft` is sent later: free text is the time; chosen without text, the time is asked for. */
  z.object({ kind: z.literal("notice.time"), draft: noticeId }),
  /** Draft `draft` confirmed: written as a notice and sent (or set for its time). */
  z.object({ kind: z.literal("notice.send"), draft: noticeId }),
  /** Draft or notice set for later `id` dropped. */
  z.object({ kind: z.literal("notice.cancel"), id: noticeId }),
  /** Notice `id` sent again to those who have not acknowledged it: a new draft, previewed. */
  z.object({ kind: z.literal("notice.resend"), id: noticeId }),
  /** The deliveries of notice `id` parked as failed, tried again. */
  z.object({ kind: z.literal("notice.retry"), id: noticeId }),
  /** After /datlich: the change alert of schedule version `seq` sent to every delegate (`send`), or not. */
  z.object({ kind: z.literal("notice.changeAlert"), seq: z.number().int().min(0), send: z.boolean() }),
  /** "Đã nhận" under notice `id` (a choice sent by the outbox, which stands alone: see STANDALONE_KINDS). */
  z.object({ kind: z.literal("notice.ack"), id: noticeId }),

  // ---- Scores (commands/scores.ts): a preview is named by its id (src/actions/scores.ts) ----
  /** Free text is the unit whose result /diem shows. */
  z.object({ kind: z.literal("scores.unit") }),
  /** A file is the score table /nhapdiem previews (text answers as /nhapdiem's own words). */
  z.object({ kind: z.literal("scores.file") }),
  /** The score preview `preview` confirmed: it becomes the current table. */
  z.object({ kind: z.literal("scores.confirm"), preview: previewId }),
  /** The score preview `preview` dropped. */
  z.object({ kind: z.literal("scores.cancel"), preview: previewId }),
  /** /congbo confirmed for the table imported at `importedAt` (refused if another has replaced it). */
  z.object({ kind: z.literal("scores.publish"), importedAt: z.iso.datetime() }),
  /** The published results sent again to each unit. */
  z.object({ kind: z.literal("scores.publish.resend") }),
  /** The /congbo question closed (before publishing: cancelled). */
  z.object({ kind: z.literal("scores.publish.close") }),

  // ---- Reviewing a speech (commands/speech.ts, /duyet) ----
  /** Unit `unit`'s latest version shown for review. */
  z.object({ kind: z.literal("review.open"), unit: text.min(1) }),
  /** Version `version` of unit `unit` accepted (refused if a newer one came). */
  z.object({ kind: z.literal("review.accept"), unit: text.min(1), version }),
  /** Changes asked to version `version` of unit `unit`: free text is the note; chosen without text, it is asked for. */
  z.object({ kind: z.literal("review.changes"), unit: text.min(1), version }),
  // ---- Answering a unit's seats (commands/rsvp.ts) ----
  /** "Chủ tịch UBND xã: chưa trả lời": the three answers for seat `seat` of the person's unit. */
  z.object({ kind: z.literal("rsvp.seat"), seat: seatId }),
  /**
   * An answer `status` for seat `seat`: chosen from a seat's three answers (no `text`), it asks for the
   * name or reason; chosen after "which seat?" it records `text` as typed with the answer ("" too).
   */
  z.object({ kind: z.literal("rsvp.answer"), seat: seatId, status: rsvpStatus, text: text.optional(), all: z.boolean().optional() }),
  /**
   * Free text is the name (or "name, position") or the reason of answer `status` for seat `seat`; with
   * `unit`, an organizer answers on behalf of that unit (its id; in a step migrated from schema version
   * 3, its name as the organizer typed it).
   */
  z.object({ kind: z.literal("rsvp.name"), seat: seatId, status: rsvpStatus, unit: text.optional(), name: text.optional(), all: z.boolean().optional() }),
  // With `name`, the name is known and free text is its position; with `all`, every seat attends
  // ("cả 4 người đều đi") and the next seat's name is asked once this one is saved.
  /** While the unit's seats are listed: free text names one ("chủ tịch xã", "vị trí thứ hai") or all ("cả 4 người đều đi"). */
  z.object({ kind: z.literal("rsvp.whichSeat") }),
  /** While seat `seat`'s three answers are offered: free text is the answer in words ("tôi đi", "vắng, đi công tác", "cử anh … đi thay"). */
  z.object({ kind: z.literal("rsvp.reply"), seat: seatId }),
  /**
   * The name `typed` matched a known name with its marks `marked` (the platform's): free text "có",
   * "đúng rồi" keeps `marked`, "không" keeps `typed`; another name is taken as the name.
   */
  z.object({ kind: z.literal("rsvp.confirmName"), seat: seatId, status: rsvpStatus, marked: text, typed: text, position: text.optional(), all: z.boolean().optional() }),

  // ---- Checking in at the hall (commands/checkin.ts) ----
  /** Free text is the hall code asked for. */
  z.object({ kind: z.literal("checkin.code") }),
  /** The seat `seat` chosen after hall code `code` (as typed, in stored form) when several were the person's. */
  z.object({ kind: z.literal("checkin.seat"), code: z.string().regex(/^[0-9A-Z]{1,32}$/), seat: seatId }),

  // ---- Reminders (commands/report.ts) ----
  /** "/nhacnho": remind the units that lag on their answers (`rsvp`) or their speech (`speech`). */
  z.object({ kind: z.literal("remind"), what: z.enum(["rsvp", "speech"]) }),

  // ---- Tasks after the conference (commands/tasks.ts, commands/task-assign.ts) ----
  /** Task `task` shown: its details, and what may be done with it now. */
  z.object({ kind: z.literal("tasks.open"), task: taskNumber }),
  /** A progress report on task `task`: free text, a photo or a file is it ("xong" makes it a "done" report); chosen, it is asked for. */
  z.object({ kind: z.literal("tasks.report"), task: taskNumber }),
  /** A "done" report on task `task`: free text and evidence are its result; chosen, it is asked for. */
  z.object({ kind: z.literal("tasks.done"), task: taskNumber }),
  /** The "done" report `report` of task `task` accepted (refused if another is waiting now). */
  z.object({ kind: z.literal("tasks.accept"), task: taskNumber, report: taskNumber }),
  /** The "done" report `report` of task `task` returned: free text is the note; chosen, it is asked for. */
  z.object({ kind: z.literal("tasks.return"), task: taskNumber, report: taskNumber }),
  /** Assigning step by step: free text names the unit. */
  z.object({ kind: z.literal("tasks.assign.unit") }),
  /** Free text is what unit `unit` is to do. */
  z.object({ kind: z.literal("tasks.assign.content"), unit: text.min(1) }),
  /** The criterion: chosen (`criterion`, or `none`), or typed ("3.2", "không"). */
  z.object({ kind: z.literal("tasks.assign.criterion"), unit: text.min(1), content: taskText, criterion: criterionCode.optional(), none: z.boolean().optional() }),
  /** Free text is the deadline ("30/6", "30/6/2027"). */
  z.object({ kind: z.literal("tasks.assign.deadline"), unit: text.min(1), content: taskText, criterion: criterionCode.optional() }),
  /** The task as shown, confirmed: assigned and told to the unit (and its supporting units, `supporting`: ids), reported on `every`. */
  z.object({ kind: z.literal("tasks.assign.confirm"), ...assignValues }),
  /** The task as shown: free text names its supporting units ("Văn phòng HĐND và UBND huyện, Phòng Nội vụ"; "không": none); chosen, they are asked for. */
  z.object({ kind: z.literal("tasks.assign.supporting"), ...assignValues }),
  /** The task as shown, reported on `every` from now: shown again to confirm. */
  z.object({ kind: z.literal("tasks.assign.every"), ...assignValues, every: reportEvery }),
  /** The task as shown, dropped. */
  z.object({ kind: z.literal("tasks.assign.cancel") }),

  // ---- The conclusions (commands/conclusions.ts) ----
  /** A unit's comment on the draft conclusions: free text is it; chosen, it is asked for. */
  z.object({ kind: z.literal("conclusions.comment") }),
  // ---- Remediation plans after publication (commands/remedy.ts, /khacphuc) ----
  /** Free text (or a file) is the next part of the unit's plan; "xong" submits the parts as one version. */
  z.object({ kind: z.literal("remedy.collect") }),
  /** "Nộp bản mới": the next messages are a new version of the plan. */
  z.object({ kind: z.literal("remedy.new") }),
  /** Unit `unit`'s latest plan shown to an organizer. */
  z.object({ kind: z.literal("remedy.open"), unit: text.min(1) }),
  /** Version `version` of unit `unit`'s plan accepted (refused if a newer one came). */
  z.object({ kind: z.literal("remedy.accept"), unit: text.min(1), version }),
  /** Changes asked to version `version` of unit `unit`'s plan: free text is the note; chosen, it is asked for. */
  z.object({ kind: z.literal("remedy.changes"), unit: text.min(1), version }),
  /** Measures of version `version` of unit `unit`'s plan made tasks: free text is "1, 3 | 31/12"; chosen, it is asked for. */
  z.object({ kind: z.literal("remedy.tasks"), unit: text.min(1), version }),
  /** The communes that have not submitted a plan reminded. */
  z.object({ kind: z.literal("remedy.remind") }),

  // ---- The router's own (commands/router.ts) ----
  /** "Ý đồng chí là…": the command `name` suggested for an unknown one, with the words typed after it. */
  z.object({ kind: z.literal("command.suggested"), name: z.string().regex(/^[a-z0-9_]+$/), args: text }),
  /** "Có phải ý đồng chí là…": intent `intent` of plain words (src/domain/questions.ts), with the values read from them. */
  z.object({ kind: z.literal("words.intent"), intent: z.enum(INTENTS), slots: z.record(z.string(), z.string().max(1000)) }),
  /** A yes/no question's choices answered in words (commands/understand/confirm.ts): the step of each answer, checked when taken. */
  z.object({ kind: z.literal("words.yesno"), yes: z.looseObject({ kind: z.string() }), no: z.looseObject({ kind: z.string() }) }),
] as const;

const StepSchema = z.discriminatedUnion("kind", schemas);

/** A conversation step: a choice's, or a question's that waits for free text. */
export type Step = z.infer<typeof StepSchema>;
export type StepKind = Step["kind"];
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;

/** The kinds the router takes itself: a suggested command runs as a command does; an intent chosen, as its words would. */
export type CommandStepKind = "command.suggested" | "words.intent" | "words.yesno";

/**
 * The kinds a button may carry by itself, outside the numbered choices last offered: a choice the
 * outbox sends under a notice ("Đã nhận") must keep working after later conversations, so its
 * Telegram button holds the step rather than a number of a set (src/channels/telegram/render.ts).
 * Any other kind pressed that way is stale.
 */
export const STANDALONE_KINDS: ReadonlySet<StepKind> = new Set<StepKind>(["notice.ack"]);

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
