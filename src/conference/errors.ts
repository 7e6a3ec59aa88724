// A conference file that cannot be used, and where: kept apart from the parser so that catching it loads no YAML.
import * as fs from "node:fs";

/** Turns a message key and its arguments into words (Fluent under the hood). */
export type TranslateFn = (key: string, args?: Record<string, string | number>) => string;

export type ConferenceErrorCode =
  | "conf-err-type"
  | "conf-err-required"
  | "conf-err-unknown-field"
  | "conf-err-enum"
  | "conf-err-too-small"
  | "conf-err-too-big"
  | "conf-err-format"
  | "conf-err-offset"
  | "conf-err-at"
  | "conf-err-start"
  | "conf-err-id"
  | "conf-err-duplicate-unit"
  | "conf-err-unknown-unit"
  | "conf-err-invalid"
  | "conf-err-empty"
  | "conf-err-yaml"
  | "conf-err-read"
  | "conf-err-mapping";

/** One fault in a conference file, where it is. Line and column are 1-based; 0 when unknown. */
export interface ConferenceIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field at fault ("units[3].kind"); "" for the file as a whole. */
  field: string;
  /** The message key (see locales/<lang>/conference.ftl). */
  code: ConferenceErrorCode;
  params: Record<string, string | number>;
}

function issueArgs(i: ConferenceIssue): Record<string, string | number> {
  return { ...i.params, file: i.file, line: i.line, column: i.column, field: i.field };
}

/** A conference file that cannot be used. The message is for logs; describe() is for people. */
export class ConferenceFileError extends Error implements ConferenceIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly field: string;
  readonly code: ConferenceErrorCode;
  readonly params: Record<string, string | number>;
  /** Every fault found, in file order; the first is this error's own. */
  readonly issues: ConferenceIssue[];

  constructor(issues: ConferenceIssue[]) {
    const first = issues[0];
    if (!first) throw new TypeError("ConferenceFileError needs at least one issue");
    super(`${first.file}:${first.line}:${first.column}: ${first.field || "(file)"}: ${first.code}`);
    this.name = "ConferenceFileError";
    this.file = first.file;
    this.line = first.line;
    this.column = first.column;
    this.field = first.field;
    this.code = first.code;
    this.params = first.params;
    this.issues = issues;
  }

  /** The first fault in plain words. */
  describe(t: TranslateFn): string {
    return t(this.code, issueArgs(this));
  }

  /** Every fault in plain words, one per line. */
  describeAll(t: TranslateFn): string[] {
    return this.issues.map((i) => t(i.code, issueArgs(i)));
  }
}

/** The text of a conference file. Throws ConferenceFileError (conf-err-read) when it cannot be read. */
export function readConferenceText(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? "EIO";
    throw new ConferenceFileError([{ file, line: 0, column: 0, field: "", code: "conf-err-read", params: { reason } }]);
  }
}
