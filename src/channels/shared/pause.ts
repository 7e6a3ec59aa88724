// Waiting inside a channel: a timer that a stop cuts short, and the back-off that doubles up to a cap.

/** Resolves after `ms`, or at once when `signal` is aborted (a stop does not wait out a back-off). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/** The next wait after a failure: the first is `initialMs`, each next one double, never above `maxMs`. */
export function nextDelay(backoff: Backoff, delay: number): number {
  return Math.min(backoff.maxMs, delay > 0 ? delay * 2 : backoff.initialMs);
}
