import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { ConcurrentPoolChange } from './cognito/errors';

/** Backoff between whole read-merge-write attempts and between undo attempts; tests shorten it. */
export const conflictRetry = {
  delaysMs: [250, 500, 1000, 2000],
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
  /** Jitter, so concurrent invocations that failed together do not retry together. */
  random: Math.random,
};

/** The time left in the current invocation: the runtime sets it from the Lambda context. */
export const invocationClock = {
  deadline: undefined as number | undefined,
  /** What a retry must leave for the handler to answer and undo. */
  reserveMs: 5_000,
};

export function startInvocationClock(remainingMs: number | undefined): void {
  invocationClock.deadline = remainingMs === undefined ? undefined : Date.now() + remainingMs;
}

/** A jittered delay (half to all of `delayMs`), or undefined when it would overrun the invocation. */
function affordableDelay(delayMs: number): number | undefined {
  const jittered = Math.round(delayMs * (0.5 + conflictRetry.random() / 2));
  const { deadline, reserveMs } = invocationClock;
  if (deadline !== undefined && Date.now() + jittered > deadline - reserveMs) return undefined;
  return jittered;
}

/**
 * Runs a complete read-merge-write again when Cognito reports a concurrent change,
 * so each attempt merges into fresh state, with jittered backoff inside the invocation's
 * remaining time; gives up with ResourceConflict.
 */
export async function withConflictRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrentPoolChange)) throw error;
      const delay = retry < conflictRetry.delaysMs.length ? affordableDelay(conflictRetry.delaysMs[retry]) : undefined;
      if (delay === undefined) {
        throw new exceptions.ResourceConflict(`${error.message}; gave up after ${retry + 1} attempts`);
      }
      await conflictRetry.sleep(delay);
    }
  }
}

/**
 * An undo must not give up where the write it undoes got through: past the SDK's own
 * retries, a throttled undo is tried again with jittered backoff while the invocation has
 * time, so a failure half-way still leaves the pool as it was.
 */
export async function undoDespiteThrottling(step: () => Promise<void>): Promise<void> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof exceptions.Throttling)) throw error;
      const delay =
        retry < conflictRetry.delaysMs.length ? affordableDelay(conflictRetry.delaysMs[retry] * 2) : undefined;
      if (delay === undefined) throw error;
      await conflictRetry.sleep(delay);
    }
  }
}
