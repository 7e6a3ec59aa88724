// The reminder planner: which reminders of the conference file to queue, cancel or skip, decided from the store and the time.
import type { Data, Notice } from "../../storage/schema.js";
import type { ConferenceService } from "../conference/service.js";
import type { Moment } from "../conference/schema.js";

/** "before:1d" or "at:2027-06-18 17:00": a reminder of the file, whatever the schedule. */
export function momentKey(m: Moment): string {
  return "before_start" in m ? `before:${m.before_start}` : `at:${m.at}`;
}

/** A reminder's key: the moment and the schedule sequence it was planned for ("before:1d#2"). */
export function reminderKey(m: Moment, sequence: number): string {
  return `${momentKey(m)}#${sequence}`;
}

const momentOf = (key: string) => key.replace(/#\d+$/, "");
const sequenceOf = (key: string) => Number(/#(\d+)$/.exec(key)?.[1] ?? -1);

export interface PlannedReminder {
  key: string;
  sendAt: Date;
  start: Date;
  place: string;
  /** Set when the reminder is recorded as not to be sent ("passed": its moment was over when it was planned; "duplicate": the same moment was already reminded for the same start). */
  skip?: "passed" | "duplicate";
}

export interface ReminderPlan {
  /** New reminders to record (queued later, at their moment; or recorded as skipped). */
  plan: PlannedReminder[];
  /** Reminders of an older time or place that were not sent yet: cancelled (reason "rescheduled"). */
  cancel: string[];
}

/**
 * Plans the reminders of the conference file once time and place are set. Pure: reads the store's
 * data and the clock's time, returns what to change. A reminder is planned once per schedule
 * sequence; a change of time or place cancels what was planned for the old one and plans anew.
 */
export function planReminders(data: Data, conference: ConferenceService, now: Date): ReminderPlan {
  const result: ReminderPlan = { plan: [], cancel: [] };
  const schedule = conference.schedule();
  const sequence = data.schedule.sequence;
  const reminders = data.notices.filter((n) => n.kind === "reminder" && n.reminderKey);
  for (const n of reminders) {
    if (n.cancelledAt || sequenceOf(n.reminderKey as string) === sequence) continue;
    // Planned for an older schedule: cancel it unless every delivery already went out.
    const unsent = !n.queuedAt || data.deliveries.some((d) => d.noticeId === n.id && d.state === "pending");
    if (unsent) result.cancel.push(n.id);
  }
  if (!schedule.announced || !schedule.start || !schedule.place) return result;
  const start = schedule.start;
  for (const m of conference.conf.reminders) {
    const key = reminderKey(m, sequence);
    if (reminders.some((n) => n.reminderKey === key)) continue;
    const sendAt = conference.resolve(m);
    if (!sendAt) continue;
    const planned: PlannedReminder = { key, sendAt, start, place: schedule.place };
    // The same moment, already sent for the same start (only the place changed, say): not twice.
    const sameStartSent = reminders.some(
      (n) => momentOf(n.reminderKey as string) === momentKey(m) && n.queuedAt && !n.cancelledAt && n.data?.start === start.toISOString(),
    );
    if (sameStartSent) planned.skip = "duplicate";
    else if (sendAt.getTime() <= now.getTime()) planned.skip = "passed";
    result.plan.push(planned);
  }
  return result;
}

/**
 * Whether a reminder that comes due now is still worth sending. Sent late only while the lateness
 * is within its offset (the conference has not started) and no later reminder of the same
 * schedule is also due (that one says the same, closer to the start): otherwise "stale".
 */
export function reminderIsStale(notice: Notice, all: Notice[], now: Date): boolean {
  const sendAt = Date.parse(notice.sendAt);
  const start = Date.parse(notice.data?.start ?? notice.sendAt);
  const lateness = now.getTime() - sendAt;
  const offset = start - sendAt;
  if (lateness > offset) return true;
  const seq = sequenceOf(notice.reminderKey ?? "");
  return all.some(
    (n) =>
      n !== notice &&
      n.kind === "reminder" &&
      !n.cancelledAt &&
      sequenceOf(n.reminderKey ?? "") === seq &&
      Date.parse(n.sendAt) > sendAt &&
      Date.parse(n.sendAt) <= now.getTime(),
  );
}
