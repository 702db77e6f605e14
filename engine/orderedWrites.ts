import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { undoDespiteThrottling } from './retry';
import type { OperationLog } from './settingsType';

/** One write of an operation: what it logs, what it sends, how it runs and what undoes it. */
export interface Write {
  /** The log line (names, never values: requests can hold secrets). */
  log: string;
  /** The request, so that a refusal can name the setting it is about. */
  request: object;
  run: () => Promise<unknown>;
  /**
   * Puts back what `run` changed; none for what can never be undone (custom attributes, which
   * go last). It must be safe when `run` did not take effect: a write whose answer was lost
   * is undone too.
   */
  undo?: () => Promise<unknown>;
  /**
   * The undo record's first write: undone only when every later undo succeeded, so that a
   * resource an undo could not put back keeps an unfinished record for the next invocation.
   */
  undoneLast?: boolean;
  /** A read between the writes that may stop them (nothing to undo): not a write to show. */
  check?: boolean;
}

/** A write refused half-way: the cause, and the request it was sending. */
export class WriteFailed extends Error {
  constructor(
    readonly cause: unknown,
    readonly request: object,
  ) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/**
 * Runs the writes of one operation in order, the one undo mechanism of both types: when a
 * write fails, every earlier one is undone, in reverse (a throttled undo is tried again),
 * so the resource is left as it was; then the failure is thrown as WriteFailed. A write
 * whose answer never came (the network, not the service, failed) may have taken effect,
 * so it is undone too.
 */
export async function runOrderedWrites(writes: readonly Write[], subject: string, logger: OperationLog): Promise<void> {
  if (writes.length === 0) {
    logger.log(`${subject}: nothing to change, no write`);
    return;
  }
  const done: Write[] = [];
  for (const write of writes) {
    try {
      logger.log(write.log);
      await write.run();
      done.push(write);
    } catch (error) {
      if (answerLost(error)) done.push(write);
      let undoFailed = false;
      for (const earlier of done.reverse()) {
        if (!earlier.undo || (earlier.undoneLast && undoFailed)) continue;
        const undo = earlier.undo;
        try {
          await undoDespiteThrottling(async () => void (await undo()));
        } catch (rollbackError) {
          undoFailed = true;
          logger.log(`Rollback of ${subject} failed: ${(rollbackError as Error).message}`);
        }
      }
      throw new WriteFailed(error, write.request);
    }
  }
}

/** No answer came (connection reset, timeout): the write may or may not have been applied. */
function answerLost(error: unknown): boolean {
  return error instanceof exceptions.NetworkFailure;
}
