// A moment as a Message ("7 giờ 30", "7 giờ 30, Chủ nhật, ngày 20/6/2027"), rendered in each reader's
// language like any other value: the same words as formatTime / formatDateTime of src/lib/time.ts.
import { dateTimeParts, local } from "../lib/time.js";
import { msg } from "./render.js";
import type { Message } from "./types.js";

/** "7 giờ 30" */
export function timeMessage(d: Date | string): Message {
  const l = local(d);
  return msg("fmt-time", { hour: String(l.hour()), minute: l.format("mm") });
}

/** "7 giờ 30, Chủ nhật, ngày 20/6/2027" */
export function dateTimeMessage(d: Date | string): Message {
  const parts = dateTimeParts(d);
  return msg("fmt-datetime", { ...parts, weekday: msg(parts.weekday) });
}
