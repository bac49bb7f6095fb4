/** Base of every domain error: a machine-readable code from an `as const` table, and a human message. */
export class CodedError<Code extends string> extends Error {
  constructor(readonly code: Code, message: string) {
    super(message)
    this.name = new.target.name
  }
}
