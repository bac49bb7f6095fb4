/** Creator-entered text (titles, captions, tags, stage names) is plain text: markup is refused, not silently stripped. */

const MARKUP = /<\s*\/?\s*[a-z!?]|javascript:|on[a-z]+\s*=/i
// control characters other than tab and newline hide text from moderators and break exports
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/

export type TextProblem = { code: 'MARKUP_NOT_ALLOWED' | 'CONTROL_CHARACTERS'; message: string }

/** Why a piece of creator text is refused, naming the field; null when it is plain text. */
export function textProblem(field: string, value: string): TextProblem | null {
  if (MARKUP.test(value)) return { code: 'MARKUP_NOT_ALLOWED', message: `The ${field} looks like HTML or script; write it as plain text.` }
  if (CONTROL.test(value)) return { code: 'CONTROL_CHARACTERS', message: `The ${field} contains invisible control characters; retype it.` }
  return null
}
