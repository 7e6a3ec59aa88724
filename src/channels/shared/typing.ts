// "Typing…" while a reply takes a while: shown after a moment, repeated until the work is done, never in the way.

export interface TypingOptions {
  /** Milliseconds before the indicator first shows. */
  afterMs: number;
  /** Shown again every this many milliseconds while the work goes on (0: once). */
  everyMs?: number;
  /** Shows the indicator; its failure is ignored (typing is best effort). */
  show(): Promise<unknown> | unknown;
}

/** Runs `work`, showing the indicator if it takes longer than `afterMs`; resolves as `work` does. */
export function typingWhile<T>(work: Promise<T>, options: TypingOptions): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const tick = () => {
    if (done) return;
    try {
      Promise.resolve(options.show()).catch(() => {});
    } catch {
      // best effort
    }
    if (options.everyMs) timer = setTimeout(tick, options.everyMs);
  };
  timer = setTimeout(tick, options.afterMs);
  return work.finally(() => {
    done = true;
    clearTimeout(timer);
  });
}
