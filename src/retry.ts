import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { ConcurrentPoolChange } from './cognito/errors';

/** Backoff between whole read-merge-write attempts; tests shorten it. */
export const conflictRetry = {
  delaysMs: [250, 500, 1000, 2000],
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Runs a complete read-merge-write again when Cognito reports a concurrent change,
 * so each attempt merges into fresh state; gives up with ResourceConflict.
 */
export async function withConflictRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrentPoolChange)) throw error;
      if (retry >= conflictRetry.delaysMs.length) {
        throw new exceptions.ResourceConflict(`${error.message}; gave up after ${retry + 1} attempts`);
      }
      await conflictRetry.sleep(conflictRetry.delaysMs[retry]);
    }
  }
}
