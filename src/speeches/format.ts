// The texts of the speeches feature that the chat and the desk both write: where a speech stands, and
// the speech deadline. Pure: view data in, text out (the views are src/views/speeches.ts and letters.ts).
import type { Translate } from "../lib/i18n.js";
import { formatDateTime } from "../lib/time.js";
import type { DeadlineView } from "../views/letters.js";
import type { SpeechStatusView } from "../views/speeches.js";

/** "Đã nộp bản 2 lúc …", "Ban tổ chức đã chấp nhận bản 2", "… đề nghị chỉnh sửa bản 1: NOTE", "Chưa nộp". */
export function statusLine(t: Translate, s: SpeechStatusView): string {
  if (s.status === "none" || s.n === 0) return t("speech-status-not-submitted");
  if (s.status === "accepted") return t("speech-status-accepted", { n: s.n });
  if (s.status === "changes_requested") return t("speech-status-changes", { n: s.n, note: s.note ?? "" });
  return t("speech-status-submitted", { n: s.n, time: formatDateTime(t, s.at ?? "") });
}

/** The speech deadline as /thamluan and /duyet state it: to be announced, open until, or passed. */
export function speechDeadlineLine(t: Translate, d: DeadlineView): string {
  if (!d.at) return t("speech-deadline-tba");
  return t(d.passed ? "speech-deadline-over" : "speech-deadline", { deadline: formatDateTime(t, d.at) });
}
