// Conversation steps stored as typed values instead of command lines (schema version 3 → 4).
//
// A session kept its numbered choices as command lines (`choices.commands: ["/thamluan_moi", …]`) and
// the step waiting for free text as one (`awaiting.command: "/thamluan_phan"`). From version 4 both
// are steps (`choices.steps`, `awaiting.step`; their kinds are listed in commands/steps.ts). Every
// line the bot wrote becomes its typed step, so what a person had open still does what was offered.
// A choice whose line no kind stands for runs that command as the router's "did you mean" choices do
// (`command.suggested`: the command's name and what followed it, through the command's own checks);
// one that is not a command line at all becomes an "expired" choice, which no handler takes: chosen,
// it answers that the choice is no longer valid and changes nothing. A question waiting on such a line
// closes quietly (its answer cannot be added to a line any more). A notice's stored choices are
// converted the same way.
// Self-contained (it imports nothing, and storage/schema.ts sets the version it brings the file to):
// the kinds are written out as they were when it was made.

type Json = Record<string, unknown>;

/** The typed step a command line before version 4 stood for, or an expired choice. */
export function stepOfLine(line: string): Json {
  const words = line.trim().split(/\s+/);
  const [name = "", first, ...rest] = words;
  const tail = words.slice(2).join(" ");
  const version = first && /^v\d{1,4}$/i.test(first) ? Number(first.slice(1)) : undefined;
  switch (name.toLowerCase()) {
    case "/thamluan_phan":
      if (!first) return { kind: "speech.collect" };
      break;
    case "/thamluan_moi":
      if (!first) return { kind: "speech.new" };
      if (first === "giu" && rest.length === 0) return { kind: "speech.keep" };
      if (version !== undefined) return { kind: "speech.new", confirmed: version, ...(tail ? { body: tail } : {}) };
      break;
    case "/thamluan_rut":
      if (first === "giu" && rest.length === 0) return { kind: "speech.withdraw.keep" };
      if (version !== undefined && rest.length === 0) return { kind: "speech.withdraw", version };
      break;
    case "/thamluan":
      if (first === "rut" && rest.length === 0) return { kind: "speech.withdraw.ask" };
      break;
    case "/start":
      if (!first) return { kind: "join.stay" };
      if (rest.length === 1 && rest[0] === "chuyen" && /^[0-9A-Z]{1,32}$/.test(first)) return { kind: "join.move", code: first };
      break;
    case "/datlich":
      if (!first || (first === "sualai" && rest.length === 0)) return { kind: "schedule.redo" };
      if (first === "vanluu") return keptSchedule(tail) ?? expired(line);
      break;
    case "/mamoi":
      if (first === "go" && rest.length === 2) {
        const [unit, which] = rest as [string, string];
        return which === "tatca" ? { kind: "invites.remove", unit } : { kind: "invites.remove", unit, account: which };
      }
      break;
    case "/phatbieu":
      if (first === "dangky" && rest.length === 0) return { kind: "speak.topic" };
      if (first === "rut" && rest.length === 1 && /^[0-9a-f]{8}$/.test(rest[0] as string)) return { kind: "speak.withdraw", id: rest[0] };
      break;
    // ---- Attendance: /dangky's, /diemdanh's and /nhacnho's choices (their questions: stepOfQuestion) ----
    case "/dangky":
    case "/diemdanh":
    case "/nhacnho":
      return attendanceChoice(line) ?? expired(line);
  }
  return noticeScoreReviewStep(words) ?? expired(line);
}

// ---- Notices, scores and /duyet (issue 20, round two, part B) ----

const NOTICE_ID = /^[a-z0-9]{6}$/;
/** The audience words a /tbchon choice carried, and the audience kind each stands for. */
const AUDIENCE_KINDS: Record<string, string> = { tatca: "all", xa: "communes", coquan: "agencies", chuatraloi: "no_rsvp", chuanop: "no_speech", donvi: "units" };

/**
 * The typed step of a stored line of notices (/thongbao, /tbchon ID WORD, /tbluc ID, /tbgui ID,
 * /tbhuy ID, /tbguilai ID, /tbguiloi ID, /tbdoilich SEQ [khong], /danhan ID), of scores (/diem,
 * /nhapdiem, /nhapdiem xacnhan|huy ID, /congbo xacnhan ISO|guilai|huy) or of /duyet (UNIT, UNIT vN
 * chapnhan|sua); undefined for any other line.
 */
function noticeScoreReviewStep(words: string[]): Json | undefined {
  const [name = "", first, second, ...more] = words;
  const id = first !== undefined && NOTICE_ID.test(first) ? first : undefined;
  const only = (n: number) => words.length === n;
  switch (name.toLowerCase()) {
    case "/thongbao":
      return only(1) ? { kind: "notice.text" } : undefined;
    case "/tbchon": {
      // "/tbchon ID donvi" was both the choice "Đơn vị cụ thể" and the question after it: the step takes the units typed either way.
      const audience = AUDIENCE_KINDS[second ?? ""];
      return id && audience && only(3) ? { kind: "notice.audience", draft: id, audience } : undefined;
    }
    case "/tbluc":
      return id && only(2) ? { kind: "notice.time", draft: id } : undefined;
    case "/tbgui":
      return id && only(2) ? { kind: "notice.send", draft: id } : undefined;
    case "/tbhuy":
      return id && only(2) ? { kind: "notice.cancel", id } : undefined;
    case "/tbguilai":
      return id && only(2) ? { kind: "notice.resend", id } : undefined;
    case "/tbguiloi":
      return id && only(2) ? { kind: "notice.retry", id } : undefined;
    case "/danhan":
      return id && only(2) ? { kind: "notice.ack", id } : undefined;
    case "/tbdoilich": {
      const seq = first && /^\d{1,9}$/.test(first) ? Number(first) : undefined;
      if (seq === undefined) return undefined;
      if (only(2)) return { kind: "notice.changeAlert", seq, send: true };
      return only(3) && second === "khong" ? { kind: "notice.changeAlert", seq, send: false } : undefined;
    }
    case "/diem":
      return only(1) ? { kind: "scores.unit" } : undefined;
    case "/nhapdiem":
      return scoresImportStep(first, second, only);
    case "/congbo":
      if (first === "xacnhan" && second && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(second) && only(3)) return { kind: "scores.publish", importedAt: second };
      if (first === "guilai" && only(2)) return { kind: "scores.publish.resend" };
      return first === "huy" && only(2) ? { kind: "scores.publish.close" } : undefined;
    case "/duyet":
      return reviewStep(first, second, more[0], only);
  }
  return undefined;
}

function scoresImportStep(verb: string | undefined, preview: string | undefined, only: (n: number) => boolean): Json | undefined {
  if (only(1)) return { kind: "scores.file" };
  if (!preview || !/^[A-Za-z0-9-]{1,64}$/.test(preview) || !only(3)) return undefined;
  if (verb === "xacnhan") return { kind: "scores.confirm", preview };
  return verb === "huy" ? { kind: "scores.cancel", preview } : undefined;
}

/** "/duyet UNIT", "/duyet UNIT v2 chapnhan", "/duyet UNIT v2 sua" (a unit's id has no spaces). */
function reviewStep(unit: string | undefined, at: string | undefined, verb: string | undefined, only: (n: number) => boolean): Json | undefined {
  if (!unit) return undefined;
  if (only(2)) return { kind: "review.open", unit };
  const version = at && /^v\d{1,4}$/.test(at) ? Number(at.slice(1)) : undefined;
  if (!version || !only(4)) return undefined;
  if (verb === "chapnhan") return { kind: "review.accept", unit, version };
  return verb === "sua" ? { kind: "review.changes", unit, version } : undefined;
}

// ---- Attendance (commands/rsvp.ts, commands/checkin.ts, commands/report.ts) ----

/** The verbs /dangky's lines were written with. */
const RSVP_VERBS: Record<string, string> = { thamdu: "attend", thay: "substitute", vang: "absent" };
const SEAT = /^[a-z0-9_-]+$/;

/** The text after the first n words of `line`, keeping its own spacing inside. */
function after(line: string, n: number): string {
  let rest = line.trim();
  for (let i = 0; i < n; i++) rest = rest.replace(/^\S+\s*/, "");
  return rest.trim();
}

/**
 * A choice of /dangky ("/dangky chair": the seat's answers; "/dangky chair thamdu ?": that answer,
 * asking for the name; "/dangky chair thamdu Lò Văn A": that answer with its text, after "which
 * seat?"), of /diemdanh ("/diemdanh K7Q2MX @chair": the seat after a hall code) or of /nhacnho.
 */
function attendanceChoice(line: string): Json | undefined {
  const [name, first = "", second, third, ...more] = line.trim().split(/\s+/);
  switch (name?.toLowerCase()) {
    case "/dangky": {
      if (!SEAT.test(first)) return undefined;
      if (second === undefined) return { kind: "rsvp.seat", seat: first };
      const status = RSVP_VERBS[second];
      if (!status) return undefined;
      if (third === "?" && more.length === 0) return { kind: "rsvp.answer", seat: first, status };
      return { kind: "rsvp.answer", seat: first, status, text: after(line, 3) };
    }
    case "/diemdanh": {
      const seat = /^@([a-z0-9_-]+)$/i.exec(second ?? "")?.[1];
      if (!/^[0-9A-Z]{1,32}$/.test(first) || !seat || third !== undefined) return undefined;
      return { kind: "checkin.seat", code: first, seat: seat.toLowerCase() };
    }
    case "/nhacnho":
      if (second !== undefined) return undefined;
      if (first === "dangky") return { kind: "remind", what: "rsvp" };
      if (first === "thamluan") return { kind: "remind", what: "speech" };
      return undefined;
  }
  return undefined;
}

/**
 * A question of /dangky or /diemdanh: "/dangky chair vang" waits for the reason ("/dangky Mường So
 * chair vang": an organizer's, on behalf of the unit it names), "/diemdanh" for the hall code.
 */
function attendanceQuestion(line: string): Json | undefined {
  const words = line.trim().split(/\s+/);
  const [name = "", ...args] = words;
  if (name.toLowerCase() === "/diemdanh") return args.length === 0 ? { kind: "checkin.code" } : undefined;
  if (name.toLowerCase() !== "/dangky" || args.length < 2) return undefined;
  const status = RSVP_VERBS[args.at(-1) as string];
  const seat = args.at(-2) as string;
  if (!status || !SEAT.test(seat)) return undefined;
  const unit = args.slice(0, -2).join(" ");
  return { kind: "rsvp.name", seat, status, ...(unit && { unit }) };
}

/**
 * The typed step a question's line before version 4 stood for (the step waiting for free text): where a
 * line means one thing as a choice and another as a question ("/dangky chair vang" records the answer
 * with no reason when chosen, and waits for the reason when asked), the question's; else as stepOfLine.
 */
export function stepOfQuestion(line: string): Json {
  return attendanceQuestion(line) ?? stepOfLine(line);
}

/**
 * "2027-06-20 14:00 | Hội trường": what a "Vẫn lưu" choice before version 4 carried (the start in Việt Nam
 * time, UTC+7 all year), as the values of its step.
 */
function keptSchedule(values: string): Json | undefined {
  const [when = "", ...placeParts] = values.split("|");
  const place = placeParts.join("|").trim();
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(when.trim());
  if (!m && when.trim()) return undefined;
  const at = m ? new Date(`${m[1]}T${m[2]}:00+07:00`) : undefined;
  if (at && Number.isNaN(at.getTime())) return undefined;
  const start = at?.toISOString();
  return { kind: "schedule.keep", ...(start && { start }), ...(place && { place }) };
}

/** A choice no typed kind stands for: the command it names, run as typed; else kept in its place (the numbers of the others do not move), never run. */
function expired(line: string): Json {
  const m = /^\/([a-z0-9_]+)(?:\s+([\s\S]*))?$/.exec(line.trim());
  return m ? { kind: "command.suggested", name: m[1], args: (m[2] ?? "").trim() } : { kind: "expired", line };
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One session before version 4 as version 4 keeps it; anything not as expected is left for the schema to report. */
function sessionAsSteps(session: unknown): unknown {
  if (!isObject(session)) return session;
  const out: Json = { ...session };
  const choices = session.choices;
  if (isObject(choices) && Array.isArray(choices.commands) && choices.commands.every((c) => typeof c === "string")) {
    const { commands, ...rest } = choices;
    out.choices = { ...rest, steps: (commands as string[]).map(stepOfLine) };
  }
  const awaiting = session.awaiting;
  if (isObject(awaiting) && typeof awaiting.command === "string") {
    const { command, ...rest } = awaiting;
    const step = stepOfQuestion(command);
    if (step.kind === "expired" || step.kind === "command.suggested") delete out.awaiting;
    else out.awaiting = { ...rest, step };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A notice's stored replies: a choice's command line becomes its step. */
function replyAsSteps(reply: unknown): unknown {
  if (!isObject(reply) || reply.kind !== "choices" || !Array.isArray(reply.choices)) return reply;
  const choices = reply.choices.map((c) => (isObject(c) && typeof c.command === "string" ? { label: c.label, step: stepOfLine(c.command) } : c));
  return { ...reply, choices };
}

/** The migration to typed steps: every session's command lines become steps (the caller sets the version). */
export function sessionsAsSteps(old: Json): Json {
  const out: Json = { ...old };
  if (isObject(old.sessions)) {
    const migrated: Json = {};
    for (const [key, session] of Object.entries(old.sessions)) {
      const kept = sessionAsSteps(session);
      if (kept !== undefined) migrated[key] = kept;
    }
    out.sessions = migrated;
  }
  if (Array.isArray(old.notices)) {
    out.notices = old.notices.map((n) => (isObject(n) && Array.isArray(n.replies) ? { ...n, replies: n.replies.map(replyAsSteps) } : n));
  }
  return out;
}
