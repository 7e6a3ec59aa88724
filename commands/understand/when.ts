// A day and an hour typed in words (src/lib/when.ts), refused in one sentence when they contradict
// themselves: shared by /datlich's time and /thongbao's send time, so that both read the same words.
import { local } from "../../src/lib/time.js";
import type { Resolved } from "../../src/lib/when.js";
import { msg } from "../../src/messages/render.js";
import { Refusal } from "../../src/messages/refusal.js";

/** "Ngày 22/6/2027 là thứ Ba, không phải thứ Hai…": a weekday typed that is not the date's. */
export function weekdayRefusal(resolved: Extract<Resolved, { kind: "weekday" }>): Refusal {
  const l = local(resolved.start);
  const date = `${l.date()}/${l.month() + 1}/${l.year()}`;
  return new Refusal(msg("schedule-weekday-mismatch", { date, said: msg(`fmt-weekday-${resolved.said}`), actual: msg(`fmt-weekday-${resolved.actual}`) }));
}
