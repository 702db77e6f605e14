import { format } from 'node:util';

export interface LogLine {
  timestamp: number;
  message: string;
}

/**
 * The log a handler writes to during one invocation: each line goes to the Lambda log
 * at once and is kept for delivery to the provider log group afterwards. Secrets the
 * request carried (bearer token, credentials) are masked before a line goes anywhere.
 */
export class InvocationLog {
  readonly lines: LogLine[] = [];
  private readonly secrets: string[] = [];

  constructor(private readonly lambdaLog: (line: string) => void = (line) => console.log(line)) {}

  /** Masks these values in every later line. */
  redact(...values: (string | null | undefined)[]): void {
    for (const value of values) if (value && value.length >= 4) this.secrets.push(value);
  }

  log(message: unknown, ...params: unknown[]): void {
    let line = format(message, ...params);
    for (const secret of this.secrets) line = line.split(secret).join('<REDACTED>');
    this.lines.push({ timestamp: Date.now(), message: line });
    this.lambdaLog(line);
  }
}
