/**
 * The result every bridge call returns. Main never throws across the bridge: a failure is a
 * value the renderer can show (pattern from Actual Budget's server handlers).
 */
export const ErrorCode = {
  invalidInput: 'invalid-input',
  notFound: 'not-found',
  conflict: 'conflict',
  forbidden: 'forbidden',
  storeUnavailable: 'store-unavailable',
  diskFull: 'disk-full',
  fileLocked: 'file-locked',
  notAllowed: 'not-allowed',
  /** A date that is probably a slip (a meeting in the past, an action due before the meeting that raised it): asked again with `confirmed: true`. */
  needsConfirmation: 'needs-confirmation',
  /** Pre-flight found errors and no reason to override them was given. */
  preflightFailed: 'preflight-failed',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type QuorumError = {
  code: ErrorCode;
  message: string;
  /** Field path → message, for forms that show which field is wrong and why. */
  fields?: Record<string, string>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: QuorumError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** An error a command or service raises on purpose, carrying a user-facing message. */
export class QuorumFailure extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'QuorumFailure';
    this.code = code;
    this.fields = fields;
  }
}
