// /diemdanh (/checkin): organizers show or rotate the hall code; a delegate checks in with it during the conference.
import { formatDateTime, formatTime, local } from "../src/lib/time.js";
import type { Checkin } from "../storage/schema.js";
import { posterReplies } from "./documents.js";
import { checkinSeat, checkinWindow, newHallCode, normalizeHallCode } from "./attendance.js";
import { text } from "./replies.js";
import { fold } from "./router.js";
import { unitLabel } from "./rsvp.js";
import { BadArguments, type CommandContext, type CommandDef, type Reply, UserError } from "./types.js";

const ROTATE_WORDS = ["moi", "new"];

/** For logs: never the whole hall code. */
const maskHallCode = (code: string) => `${code.slice(0, 2)}…`;

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
  const fresh = rotate || !store.data.checkinCode;
  if (fresh) {
    const code = newHallCode();
    await store.mutate((d) => {
      d.checkinCode = { code, issuedAt: now.toISOString(), by: ctx.account.key };
    });
    services.logger.info({ by: ctx.account.key, code: maskHallCode(code) }, "check-in code issued");
  }
  const current = store.data.checkinCode as NonNullable<typeof store.data.checkinCode>;
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

async function checkIn(ctx: CommandContext, typed: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const unit = ctx.unit;
  if (!unit) throw new UserError("checkin-organizer-usage");
  const store = services.store;
  const key = ctx.account.key;
  const mine = (c: Checkin) => c.by === key;
  const done = store.data.checkins.find(mine);
  if (done) return [text(t("checkin-already", { time: formatDateTime(t, done.at) }))];

  const now = services.clock.now();
  const window = checkinWindow(services.conference.schedule(), now);
  if (window.state === "tba") throw new UserError("checkin-not-scheduled");
  if (window.state === "early") throw new UserError("checkin-not-open", { opens: formatDateTime(t, window.opens) });
  if (window.state === "closed") throw new UserError("checkin-closed", { closes: formatDateTime(t, window.closes) });

  const current = store.data.checkinCode;
  if (!current || normalizeHallCode(typed) !== current.code) throw new UserError("checkin-code-wrong");

  const entry = await store.mutate((d) => {
    // Checked again inside the change: two messages of one account may arrive together.
    if (d.checkins.some(mine)) throw new UserError("checkin-already", { time: formatDateTime(t, now) });
    const seat = checkinSeat(unit, d);
    const c: Checkin = { unitId: unit.id, ...(seat && { seatId: seat.id }), by: key, at: now.toISOString() };
    d.checkins.push(c);
    return c;
  });
  services.logger.info({ by: key, unit: unit.id, seat: entry.seatId }, "checked in");
  const seat = unit.seats.find((s) => s.id === entry.seatId);
  const said = seat
    ? t("checkin-done", { unit: unitLabel(unit), seat: seat.title, time: formatTime(t, now) })
    : t("checkin-done-extra", { unit: unitLabel(unit), time: formatTime(t, now) });
  return [text(said)];
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
    return checkIn(ctx, ctx.args);
  },
};

export const checkinCommands: CommandDef[] = [checkin];
