// The failures a person can cause, each with the message key that explains it (the UserError family).
//
// Everything else is a bug: the router logs it with the update id and answers a generic apology.

/** A refusal the person caused; `key` is a message id in locales/, `args` its variables. */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** The acting account's role may not do this. */
export class NotAllowed extends UserError {}
/** The deadline for this answer or submission has passed. */
export class DeadlinePassed extends UserError {}
/** No unit of the conference matches what was named. */
export class UnknownUnit extends UserError {}
/** The arguments could not be read. */
export class BadArguments extends UserError {}
