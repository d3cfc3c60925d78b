/** Exit codes of the CLI, one per failure class. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  input: 3,
  io: 4,
} as const;

/**
 * A failure caused by misuse or bad input that the CLI reports as one line and an exit code.
 * Uncertain readings are data, never errors: throw only for misuse and I/O.
 *
 * @example throw new CorroborateError('input', 'empty input: report.txt has no text')
 */
export class CorroborateError extends Error {
  readonly code: keyof typeof ExitCode;
  constructor(code: keyof typeof ExitCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CorroborateError';
    this.code = code;
  }
  get exitCode(): number {
    return ExitCode[this.code];
  }
}

/** Bad user input (empty, binary, undecodable, too large, no article). */
export class InputError extends CorroborateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('input', message, options);
    this.name = 'InputError';
  }
}

/** Wrong command-line usage. */
export class UsageError extends CorroborateError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}
