// /diemdanh (/checkin): organizers show or rotate the hall code; a delegate checks in with it during the conference.
// The rules (hours, code, seat, once per account) are in src/domain/attendance.ts.
import { checkIn, hallCode, maskHallCode, checkinWindow } from "../src/domain/attendance.js";
import { unitAddress } from "../src/domain/units.js";
import { formatDateTime, formatTime, local } from "../src/lib/time.js";
import { posterReplies } from "./documents.js";
import { text } from "./replies.js";
import { fold } from "./router.js";
import { BadArguments, type CommandContext, type CommandDef, type Reply, UserError } from "./types.js";

const ROTATE_WORDS = ["moi", "new"];

/** The start payload of the check-in poster's Telegram link: t.me/<bot>?start=dd-<CODE>. */
export const CHECKIN_START_PREFIX = "dd-";

/** "12 giờ 00" on the day check-in opens; the full date when the conference runs past midnight. */
function closingTime(ctx: CommandContext, opens: Date, closes: Date): string {
  const day = (d: Date) => local(d).format("YYYY-MM-DD");
  return day(opens) === day(closes) ? formatTime(ctx.t, closes) : formatDateTime(ctx.t, closes);
}

/** The organizer's view: the current code (issued on first use, or anew on request), the hours, the count. */
async function showCode(ctx: CommandContext, rotate: boolean): Promise<Reply[]> {
  const { t, services } = ctx;
  const store = services.store;
  const now = services.clock.now();
  const { code: current, issued } = await hallCode(store, ctx.account.key, now, rotate);
  if (issued) services.logger.info({ by: ctx.account.key, code: maskHallCode(current.code) }, "check-in code issued");
  const window = checkinWindow(services.conference.schedule(), now);
  const lines = [
    ...(rotate ? [t("checkin-code-rotated")] : []),
    t("checkin-code", { code: current.code, issued: formatDateTime(t, current.issuedAt) }),
    window.state === "tba"
      ? t("checkin-hours-tba")
      : t("checkin-hours", { opens: formatDateTime(t, window.opens), closes: closingTime(ctx, window.opens, window.closes) }),
    t("checkin-count", { count: store.data.checkins.length }),
    t("checkin-rotate-hint"),
  ];
  return [text(lines.join("\n"))];
}

/** Checks the asking person in with a typed hall code: /diemdanh CODE, and /start dd-CODE from the poster. */
export async function checkInWithCode(ctx: CommandContext, typed: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const unit = ctx.unit;
  if (!unit) {
    if (ctx.role === "organizer") throw new UserError("checkin-organizer-usage");
    throw new UserError("checkin-needs-unit");
  }
  if (!typed.trim()) throw new BadArguments("checkin-usage");
  const now = services.clock.now();
  const result = await checkIn(services.store, { unit, by: ctx.account.key, typed, schedule: services.conference.schedule(), now });
  switch (result.kind) {
    case "already":
      return [text(t("checkin-already", { time: formatDateTime(t, result.checkin.at) }))];
    case "not-scheduled":
      throw new UserError("checkin-not-scheduled");
    case "early":
      throw new UserError("checkin-not-open", { opens: formatDateTime(t, result.opens) });
    case "closed":
      throw new UserError("checkin-closed", { closes: formatDateTime(t, result.closes) });
    case "wrong-code":
      throw new UserError("checkin-code-wrong");
    case "done": {
      services.logger.info({ by: ctx.account.key, unit: unit.id, seat: result.checkin.seatId }, "checked in");
      const said = result.seat
        ? t("checkin-done", { unit: unitAddress(unit), seat: result.seat.title, time: formatTime(t, now) })
        : t("checkin-done-extra", { unit: unitAddress(unit), time: formatTime(t, now) });
      return [text(said)];
    }
  }
}

const checkin: CommandDef = {
  name: "diemdanh",
  aliases: ["checkin"],
  // Organizers show the code; an organizer who also belongs to a unit may check in like a delegate.
  roles: ["delegate", "organizer"],
  describe: "cmd-checkin",
  maxArgs: 40,
  async handler(ctx) {
    const word = fold(ctx.args);
    if (ctx.role === "organizer" && (word === "poster" || word === "apphich")) return posterReplies(ctx);
    if (ctx.role === "organizer" && (!word || ROTATE_WORDS.includes(word))) return showCode(ctx, word !== "");
    if (!word) throw new BadArguments("checkin-usage");
    return checkInWithCode(ctx, ctx.args);
  },
};

export const checkinCommands: CommandDef[] = [checkin];
