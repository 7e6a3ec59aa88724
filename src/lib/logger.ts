// Structured logs (pino) to stderr, so the console channel's chat on stdout stays clean.
import { pino, type Logger } from "pino";

/** Never log these fields' values, wherever they appear. */
const REDACT = ["token", "*.token", "secret", "*.secret", "code", "*.code", "req.headers", "headers"];

export function createLogger(level = "info", destination: NodeJS.WritableStream | number = 2): Logger {
  const dest = typeof destination === "number" ? pino.destination({ fd: destination, sync: true }) : destination;
  return pino({ level, redact: { paths: REDACT, censor: "[hidden]" }, base: undefined }, dest);
}

/** A logger that keeps its lines in memory, for tests that check what was logged. */
export function createCapturingLogger(level = "debug"): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = {
    write(line: string) {
      lines.push(line);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  return { logger: pino({ level, redact: { paths: REDACT, censor: "[hidden]" }, base: undefined }, stream), lines };
}
