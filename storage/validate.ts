// The one schema of a whole store file (every entry of every collection), checked at start-up before anything is written.
// Objects are not strict: a field this schema does not know (added by newer code) passes, and the file is kept as read.
// A namespace import, as zod advises: the bundle (scripts/bundle.mjs) then leaves out what is not used, such as its 50 locales.
import * as z from "zod";
import type { StoreData } from "./schema.js";

type ScoreFieldShape = { id: string; name: string; max: number; self?: number; appraised?: number; final: number; previous?: number; note?: string; children?: ScoreFieldShape[] };

/**
 * The schema of a store file of the current version, whole. Built for each check and let go after
 * it: some 500 zod schemas (each with its own methods) that a running bot would otherwise hold
 * for good, to use once at start-up.
 */
export function storeSchema() {
  const text = z.string();
  // Every time the program writes is an ISO 8601 instant (Date.toISOString); an offset such as +07:00 is one too.
  // Anything else ("banana", "20/06/2030 14:00") would be read as no time or an invalid date, far from where it was written.
  const time = z.iso.datetime({ offset: true });
  const count = z.number().int().min(0);
  const file = z.object({ name: text, mime: text, size: z.number().min(0), path: text });

  const Channel = z.enum(["telegram", "zalo", "console"]);

  const Account = z.object({
    key: text,
    channel: Channel,
    userId: text,
    chatId: text,
    displayName: text,
    language: text,
    unitId: text.optional(),
    organizer: z.boolean().optional(),
    joinedAt: time.optional(),
    unreachableSince: time.optional(),
    lastSeenAt: time.optional(),
    conference: text.optional(),
    conferenceAsked: z
      .object({
        ids: z.array(text),
        text: text.optional(),
        at: time,
        waiting: z
          .array(
            z.object({
              text: text.optional(),
              file: file.extend({ kind: z.enum(["document", "photo"]), url: text.optional() }).optional(),
              press: z.object({ setId: text, index: z.number().int().min(1), label: text.optional() }).optional(),
              at: time,
            }),
          )
          .optional(),
      })
      .optional(),
  });

  const Invite = z.object({ code: text.min(1), target: text.min(1), issuedAt: time, revokedAt: time.optional() });

  const FailedCodes = z.object({ count, blockedUntil: time.optional() });

  const Moment = z.object({ start: time.optional(), end: time.optional(), place: text.optional() });

  const Schedule = z.object({
    start: time.optional(),
    end: time.optional(),
    place: text.optional(),
    sequence: count,
    history: z.array(z.object({ at: time, by: text, before: Moment, after: Moment, seen: count.optional() })),
    told: Moment.extend({ sequence: count }).optional(),
  });

  const Rsvp = z.object({
    unitId: text,
    seatId: text,
    status: z.enum(["attend", "substitute", "absent"]),
    name: text.optional(),
    position: text.optional(),
    reason: text.optional(),
    by: text,
    at: time,
  });

  const Speech = z.object({
    unitId: text,
    versions: z.array(
      z.object({
        n: z.number().int(),
        kind: z.enum(["text", "document", "photo"]),
        text: text.optional(),
        file: file.optional(),
        pages: z.array(file).optional(),
        by: text,
        at: time,
      }),
    ),
    reviews: z.array(
      z.object({ version: z.number().int(), decision: z.enum(["accepted", "changes_requested"]), note: text.optional(), by: text, at: time }),
    ),
  });

  const Remedies = z.object({
    plans: z.record(z.string(), Speech.extend({ draft: z.object({ by: text, parts: z.array(text), pages: z.array(file).optional(), startedAt: time }).optional() })),
    requestedFor: time.optional(),
  });

  const Speaker = z.object({ id: text, unitId: text, topic: text, by: text, at: time, withdrawnAt: time.optional() });

  const Checkin = z.object({ unitId: text, seatId: text.optional(), by: text, at: time });

  const CheckinCode = z.object({ code: text, issuedAt: time, by: text });

  const ScoreField: z.ZodType<ScoreFieldShape> = z.lazy(() =>
    z.object({
      id: text,
      name: text,
      max: z.number(),
      self: z.number().optional(),
      appraised: z.number().optional(),
      final: z.number(),
      previous: z.number().optional(),
      note: text.optional(),
      children: z.array(ScoreField).optional(),
    }),
  );

  const ScoreTable = z.object({
    year: z.number().int(),
    importedAt: time,
    importedBy: text,
    source: text,
    sample: z.boolean(),
    units: z.array(
      z.object({
        unitId: text,
        total: z.number(),
        max: z.number(),
        rank: z.number(),
        rankOf: z.number(),
        classification: text,
        fields: z.array(ScoreField),
        previous: z.object({ total: z.number(), max: z.number().optional(), rank: z.number().optional(), classification: text.optional() }).optional(),
      }),
    ),
  });

  const ScorePreview = z.object({
    id: text.min(1),
    by: text,
    via: z.enum(["chat", "desk"]),
    table: ScoreTable.omit({ importedAt: true, importedBy: true }),
    replaces: text.nullable(),
    at: time,
  });

  const Scores = z.object({
    current: ScoreTable.optional(),
    previousTables: z.array(ScoreTable),
    publishedAt: time.optional(),
    publishedBy: text.optional(),
    previews: z.array(ScorePreview).optional(),
  });

  // Only a step's kind is checked here: its values are the chat's to check when the step is taken
  // back (commands/steps.ts); a step of an unknown kind or with wrong values is stale, not a bad store.
  const Step = z.object({ kind: text });

  const StoredReply = z.union([
    z.object({ kind: z.literal("text"), text }),
    z.object({ kind: z.literal("choices"), text, choices: z.array(z.object({ label: text, step: Step })) }),
    z.object({ kind: z.enum(["file", "photo"]), name: text, mime: text, path: text, caption: text.optional() }),
  ]);

  const Counts = z.object({ total: count, pending: count, sent: count, failed: count, unreachable: count, skipped: count, acked: count });

  const Notice = z.object({
    id: text.min(1),
    kind: z.enum(["broadcast", "reminder", "schedule_change", "chase", "review", "result", "task", "conclusions", "invitation"]),
    text,
    file: z.object({ name: text, mime: text, path: text }).optional(),
    audience: text,
    createdBy: text,
    createdAt: time,
    sendAt: time,
    queuedAt: time.optional(),
    cancelledAt: time.optional(),
    reminderKey: text.optional(),
    ackable: z.boolean(),
    replies: z.array(StoredReply).optional(),
    data: z.record(z.string(), text).optional(),
    resendOf: text.optional(),
    changeSequence: z.number().int().optional(),
    cancelReason: text.optional(),
    reportedAt: time.optional(),
    conference: text.optional(),
    compacted: z
      .object({
        at: time,
        counts: z.object({
          ...Counts.shape,
          byChannel: z.object({ telegram: Counts, zalo: Counts, console: Counts }),
        }),
      })
      .optional(),
  });

  const NoticeDraft = z.object({
    id: text.min(1),
    kind: Notice.shape.kind,
    text,
    file: Notice.shape.file,
    audience: text.optional(),
    sendAt: time.optional(),
    resendOf: text.optional(),
    data: z.record(z.string(), text).optional(),
    createdBy: text,
    createdAt: time,
    updatedAt: time,
    conference: text.optional(),
  });

  const Delivery = z.object({
    noticeId: text.min(1),
    account: text.min(1),
    state: z.enum(["pending", "sent", "failed", "unreachable", "skipped"]),
    attempts: count,
    nextAttemptAt: time.optional(),
    sentAt: time.optional(),
    error: text.optional(),
    ackAt: time.optional(),
    attemptAt: time.optional(),
    failures: count.optional(),
  });

  const Session = z.object({
    choices: z.object({ setId: text, steps: z.array(Step), labels: z.array(text).optional(), offeredAt: time }).optional(),
    collecting: z.object({ kind: z.literal("speech"), parts: z.array(text), startedAt: time, pages: z.array(file).optional() }).optional(),
    awaiting: z.object({ step: Step, prompt: text, offeredAt: time }).optional(),
  });

  const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
  const reportEvery = z.enum(["none", "weekly", "monthly"]);
  const NewTask = z.object({
    unitId: text,
    supporting: z.array(text).optional(),
    content: text,
    criterion: text.optional(),
    deadline: day,
    expected: text.optional(),
    reportEvery,
  });
  const Task = NewTask.extend({
    n: z.number().int().min(1),
    baseYear: z.number().int().optional(),
    assignedBy: text,
    assignedAt: time,
    source: z.enum(["chat", "desk", "sheet"]).optional(),
    reports: z.array(z.object({ n: z.number().int().min(1), kind: z.enum(["progress", "done"]), text: text.optional(), files: z.array(file).optional(), by: text, at: time })),
    decisions: z.array(z.object({ report: z.number().int().min(1), decision: z.enum(["accepted", "returned"]), note: text.optional(), by: text, at: time })),
    reminded: z.array(text).optional(),
  });
  const Tasks = z.object({
    list: z.array(Task),
    previews: z.array(z.object({ id: text.min(1), by: text, via: z.enum(["desk", "chat"]), source: text, tasks: z.array(NewTask), at: time })).optional(),
    digests: z.array(text).optional(),
  });

  const ConclusionsPart = z.object({ key: z.enum(["assessment", "shortcomings", "solutions", "extra"]), title: text.optional(), text });
  const Conclusions = z.object({
    parts: z.array(ConclusionsPart),
    updatedAt: time.optional(),
    updatedBy: text.optional(),
    consultation: z.object({ units: z.array(text), deadline: day, sentAt: time, sentBy: text, notices: z.record(z.string(), text) }).optional(),
    comments: z.array(z.object({ n: z.number().int().min(1), unitId: text, text, by: text, at: time, via: z.enum(["chat", "desk", "link"]), files: z.array(file).optional() })),
    issued: z
      .object({
        number: text.min(1),
        symbol: text.min(1),
        day,
        at: time,
        by: text,
        notices: z.record(z.string(), text),
        record: z.object({
          day: day.optional(),
          place: text.optional(),
          present: count,
          invited: count,
          unitsPresent: count,
          units: count,
          parts: z.array(ConclusionsPart),
          tasks: z.array(z.object({ n: z.number().int().min(1), unitId: text, content: text, criterion: text.optional(), deadline: day })),
        }),
      })
      .optional(),
  });

  const Conference = z.object({
    id: text.min(1),
    file: text,
    title: text,
    status: z.enum(["running", "closed"]),
    addedAt: time,
    addedBy: text.optional(),
    closedAt: time.optional(),
    closedBy: text.optional(),
    frozenFile: text.optional(),
    told: z.array(text).optional(),
    schedule: Schedule,
    rsvps: z.array(Rsvp),
    rsvpHistory: z.array(Rsvp),
    speeches: z.record(z.string(), Speech),
    speakers: z.array(Speaker),
    checkins: z.array(Checkin),
    checkinCode: CheckinCode.optional(),
    scores: Scores,
    tasks: Tasks,
    conclusions: Conclusions,
    remedies: Remedies,
  });

  return z.object({
    schemaVersion: count,
    accounts: z.record(z.string(), Account),
    invites: z.array(Invite),
    failedCodes: z.record(z.string(), FailedCodes),
    notices: z.array(Notice),
    noticeDrafts: z.record(z.string(), NoticeDraft),
    deliveries: z.array(Delivery),
    sessions: z.record(z.string(), Session),
    // Entries are { key, at, received? } (storage/handled-updates.ts); a bare string is one written before times were kept.
    handledUpdates: z.record(z.string(), z.array(z.union([text, z.object({ key: text, at: time, received: z.unknown().optional() })]))),
    sentByMonth: z.record(z.string(), z.record(z.string(), count.optional())).optional(),
    // One entry per conference (one file each, storage/partitions.ts); checked one conference at a time.
    conferences: z.record(z.string(), Conference),
  });
}

export type StoreSchema = ReturnType<typeof storeSchema>;

/**
 * Whatever this program writes, the schema accepts: if a type in schema.ts gains a value or a
 * required field the schema does not know, this line stops the build, not a restart of the bot.
 */
export type StoreSchemaAcceptsData = StoreData extends z.input<StoreSchema> ? true : never;
const accepts: StoreSchemaAcceptsData = true;
void accepts;

/** What a JSON value is, in the words of the refusal. */
export type JsonKind = "null" | "list" | "object" | "string" | "number" | "integer" | "boolean" | "missing";

/** Why an entry is refused, in terms a message can render in any language. */
export type StoreProblem =
  | { kind: "type"; expected: JsonKind; received: JsonKind }
  | { kind: "value"; value: string; allowed: string[] }
  | { kind: "empty" }
  | { kind: "negative" }
  | { kind: "time"; value: string }
  | { kind: "other"; detail: string };

export interface StoreIssue {
  /** Where, as a reader of the file would write it: `deliveries[0]`, `accounts["telegram:900"]`, `handledUpdates.telegram`. */
  path: string;
  problem: StoreProblem;
  /** The same in English, for logs and the error's message. */
  detail: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(part))) out += out ? `.${String(part)}` : String(part);
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || "(the whole file)";
}

function kindOf(value: unknown): JsonKind {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  if (typeof value === "number") return "number";
  if (typeof value === "string" || typeof value === "boolean" || typeof value === "object") return typeof value as JsonKind;
  return "object";
}

function at(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const part of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const EXPECTED: Record<string, JsonKind> = { object: "object", record: "object", array: "list", string: "string", number: "number", int: "integer", boolean: "boolean" };

/** A list or record with no checks of its own: its entries can be checked one at a time. */
type Container = z.ZodArray<z.ZodType> | z.ZodRecord<z.core.$ZodRecordKey, z.ZodType>;

/** The container itself (its type and keys), entries unchecked: zod's own test of what a list or record is. */
const shells = new WeakMap<Container, z.ZodType>();
function shellOf(schema: Container): z.ZodType {
  let shell = shells.get(schema);
  if (!shell) {
    shell = schema instanceof z.ZodArray ? z.array(z.unknown()) : z.record(schema.keyType, z.unknown());
    shells.set(schema, shell);
  }
  return shell;
}

function isContainer(schema: z.ZodType): schema is Container {
  return (schema instanceof z.ZodArray || schema instanceof z.ZodRecord) && !schema.def.checks?.length;
}

/**
 * What zod is sure to take as the container itself, told without running its shell (which, for a
 * record, copies every key: a quarter of the time of checking the 10,000 accounts): a list, or an
 * object as JSON.parse makes them under a record keyed by any string. Anything else goes through
 * the shell, which decides.
 */
function plainlyContainer(schema: Container, value: unknown): boolean {
  if (schema instanceof z.ZodArray) return Array.isArray(value);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  const anyString = schema.keyType instanceof z.ZodString && !schema.keyType.def.checks?.length;
  return anyString && (proto === Object.prototype || proto === null);
}

function prefixed(issue: z.core.$ZodIssue | undefined, key: PropertyKey): z.core.$ZodIssue | undefined {
  return issue && { ...issue, path: [key, ...issue.path] };
}

/**
 * The first issue of `value` under `schema`, as a parse of the whole would order them (zod checks a
 * list's items in order and a record's own keys in order, leaving out `__proto__`), but one entry
 * at a time: parsing builds a copy of what it checks, and a copy of 10,000 accounts at once is
 * the largest thing start-up would hold. The issue's path starts at `value`.
 */
function firstIssueIn(schema: z.ZodType, value: unknown, fast?: FastChecks): z.core.$ZodIssue | undefined {
  if (isContainer(schema)) {
    if (!plainlyContainer(schema, value)) {
      const shell = shellOf(schema).safeParse(value);
      if (!shell.success) return shell.error.issues[0];
    }
    if (schema instanceof z.ZodArray) {
      const items = value as unknown[];
      const quick = fast?.get(schema.element);
      for (let i = 0; i < items.length; i++) {
        if (quick?.(items[i])) continue;
        const issue = firstIssueIn(schema.element, items[i], fast);
        if (issue) return prefixed(issue, i);
      }
      return undefined;
    }
    const entries = value as Record<PropertyKey, unknown>;
    const quick = fast?.get(schema.valueType);
    // Reflect.ownKeys' order, enumerable keys only: the names (Object.keys), then the symbols.
    const names = Object.keys(entries);
    for (let i = 0; i < names.length; i++) {
      const key = names[i] as string;
      if (quick?.(entries[key]) || key === "__proto__") continue;
      const issue = firstIssueIn(schema.valueType, entries[key], fast);
      if (issue) return prefixed(issue, key);
    }
    for (const key of Object.getOwnPropertySymbols(entries)) {
      if (!Object.prototype.propertyIsEnumerable.call(entries, key)) continue;
      const issue = firstIssueIn(schema.valueType, entries[key], fast);
      if (issue) return prefixed(issue, key);
    }
    return undefined;
  }
  return schema.safeParse(value).error?.issues[0];
}

/**
 * Plain checks of the entries a store holds by the thousand (an account, a delivery), each accepting
 * only what the schema accepts: an entry with anything less usual (an optional field of another
 * shape, a time written otherwise than Date.toISOString writes it) is left to zod, which decides and
 * says why. Checking thousands of accounts through zod at start-up, before its code warms, was most of
 * opening a large store.
 */
type FastChecks = Map<z.ZodType, (value: unknown) => boolean>;

const daysIn = (y: number, m: number): number => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
/**
 * A time as Date.toISOString writes it ("2027-06-20T01:00:00.000Z", from year 1000), its fields in
 * range. A regular expression runs as machine code from the start, where the same test written
 * character by character runs in the interpreter while the bot starts (its flags keep the baseline
 * compiler off): 10,000 accounts' two times each, 17 ms against 5 ms.
 */
const INSTANT = /^[1-9]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
/** A time exactly as Date.toISOString writes it, of a day that exists (no 30 February). */
function instant(v: unknown): boolean {
  if (typeof v !== "string" || !INSTANT.test(v)) return false;
  const day = (v.charCodeAt(8) - 48) * 10 + v.charCodeAt(9) - 48;
  if (day <= 28) return true;
  const month = (v.charCodeAt(5) - 48) * 10 + v.charCodeAt(6) - 48;
  return day <= daysIn(Number(v.slice(0, 4)), month);
}
const optionalInstant = (v: unknown): boolean => v === undefined || instant(v);
const optionalText = (v: unknown): boolean => v === undefined || typeof v === "string";
const isCount = (v: unknown): boolean => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const DELIVERY_STATES: ReadonlySet<unknown> = new Set(["pending", "sent", "failed", "unreachable", "skipped"]);
const CHANNELS: ReadonlySet<unknown> = new Set(["telegram", "zalo", "console"]);

/** A delivery the schema surely accepts (false: zod decides). */
export function plainDelivery(v: unknown): boolean {
  return (
    isPlain(v) &&
    typeof v.noticeId === "string" &&
    v.noticeId !== "" &&
    typeof v.account === "string" &&
    v.account !== "" &&
    DELIVERY_STATES.has(v.state) &&
    isCount(v.attempts) &&
    optionalInstant(v.nextAttemptAt) &&
    optionalInstant(v.sentAt) &&
    optionalText(v.error) &&
    optionalInstant(v.ackAt) &&
    optionalInstant(v.attemptAt) &&
    (v.failures === undefined || isCount(v.failures))
  );
}

/** An account the schema surely accepts (false: zod decides). */
export function plainAccount(v: unknown): boolean {
  return (
    isPlain(v) &&
    typeof v.key === "string" &&
    CHANNELS.has(v.channel) &&
    typeof v.userId === "string" &&
    typeof v.chatId === "string" &&
    typeof v.displayName === "string" &&
    typeof v.language === "string" &&
    optionalText(v.unitId) &&
    (v.organizer === undefined || typeof v.organizer === "boolean") &&
    optionalInstant(v.joinedAt) &&
    optionalInstant(v.unreachableSince) &&
    optionalInstant(v.lastSeenAt) &&
    optionalText(v.conference) &&
    v.conferenceAsked === undefined
  );
}

const NOTICE_KINDS: ReadonlySet<unknown> = new Set(["broadcast", "reminder", "schedule_change", "chase", "review", "result", "task", "conclusions", "invitation"]);
const COUNT_FIELDS = ["total", "pending", "sent", "failed", "unreachable", "skipped", "acked"] as const;
const plainCounts = (v: unknown): boolean => isPlain(v) && COUNT_FIELDS.every((k) => isCount(v[k]));
const plainTexts = (v: unknown): boolean => isPlain(v) && Object.values(v).every((x) => typeof x === "string");

/** A notice the schema surely accepts (false: zod decides; one with a file or stored replies always goes to zod). */
export function plainNotice(v: unknown): boolean {
  if (!isPlain(v) || v.file !== undefined || v.replies !== undefined) return false;
  const c = v.compacted;
  return (
    typeof v.id === "string" &&
    v.id !== "" &&
    NOTICE_KINDS.has(v.kind) &&
    typeof v.text === "string" &&
    typeof v.audience === "string" &&
    typeof v.createdBy === "string" &&
    instant(v.createdAt) &&
    instant(v.sendAt) &&
    optionalInstant(v.queuedAt) &&
    optionalInstant(v.cancelledAt) &&
    optionalText(v.reminderKey) &&
    typeof v.ackable === "boolean" &&
    (v.data === undefined || plainTexts(v.data)) &&
    optionalText(v.resendOf) &&
    (v.changeSequence === undefined || Number.isSafeInteger(v.changeSequence)) &&
    optionalText(v.cancelReason) &&
    optionalInstant(v.reportedAt) &&
    optionalText(v.conference) &&
    (c === undefined ||
      (isPlain(c) &&
        instant(c.at) &&
        plainCounts(c.counts) &&
        isPlain((c.counts as Record<string, unknown>).byChannel) &&
        ["telegram", "zalo", "console"].every((ch) => plainCounts(((c.counts as Record<string, unknown>).byChannel as Record<string, unknown>)[ch]))))
  );
}

function fastChecks(whole: StoreSchema): FastChecks {
  return new Map<z.ZodType, (value: unknown) => boolean>([
    [whole.shape.deliveries.element, plainDelivery],
    [whole.shape.accounts.valueType, plainAccount],
    [whole.shape.notices.element, plainNotice],
  ]);
}

/** The first issue zod finds in a store, the same one `StoreSchema.safeParse` would report first. */
export function firstStoreIssue(data: unknown): z.core.$ZodIssue | undefined {
  const whole = storeSchema();
  // Not an object: the parse fails at once and copies nothing.
  if (typeof data !== "object" || data === null || Array.isArray(data)) return whole.safeParse(data).error?.issues[0];
  const fast = fastChecks(whole);
  for (const [key, schema] of Object.entries(whole.shape)) {
    const issue = firstIssueIn(schema as z.ZodType, (data as Record<string, unknown>)[key], fast);
    if (issue) return prefixed(issue, key);
  }
  return undefined;
}

/** The first entry of `data` the schema refuses, or undefined when the whole store is valid. */
export function checkStore(data: unknown): StoreIssue | undefined {
  const issue = firstStoreIssue(data);
  if (!issue) return undefined;
  const path = formatPath(issue.path);
  const received = at(data, issue.path);
  let problem: StoreProblem;
  if (issue.code === "invalid_type" && EXPECTED[issue.expected]) {
    problem = { kind: "type", expected: EXPECTED[issue.expected] as JsonKind, received: kindOf(received) };
  } else if (issue.code === "invalid_value") {
    problem = { kind: "value", value: JSON.stringify(received) ?? "", allowed: issue.values.map((v) => String(v)) };
  } else if (issue.code === "too_small" && issue.origin === "string") {
    problem = { kind: "empty" };
  } else if (issue.code === "too_small" && issue.origin === "number") {
    problem = { kind: "negative" };
  } else if (issue.code === "invalid_format" && issue.format === "datetime") {
    problem = { kind: "time", value: JSON.stringify(received)?.slice(0, 80) ?? "" };
  } else if (issue.code === "invalid_union") {
    problem = { kind: "other", detail: `${JSON.stringify(received)?.slice(0, 80) ?? ""}` };
  } else {
    problem = { kind: "other", detail: issue.message };
  }
  return { path, problem, detail: issue.message };
}
