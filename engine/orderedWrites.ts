import { undoDespiteThrottling } from './retry';
import type { OperationLog } from './settingsType';

/** One write of an operation: what it logs, what it sends, how it runs and what undoes it. */
export interface Write {
  /** The log line (names, never values: requests can hold secrets). */
  log: string;
  /** The request, so that a refusal can name the setting it is about. */
  request: object;
  run: () => Promise<unknown>;
  /** Puts back what `run` changed; none for what can never be undone (custom attributes, which go last). */
  undo?: () => Promise<unknown>;
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
 * so the resource is left as it was; then the failure is thrown as WriteFailed.
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
      for (const earlier of done.reverse()) {
        if (!earlier.undo) continue;
        const undo = earlier.undo;
        try {
          await undoDespiteThrottling(async () => void (await undo()));
        } catch (rollbackError) {
          logger.log(`Rollback of ${subject} failed: ${(rollbackError as Error).message}`);
        }
      }
      throw new WriteFailed(error, write.request);
    }
  }
}
