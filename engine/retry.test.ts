import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { ConcurrentPoolChange } from './cognito/errors';
import {
  conflictRetry,
  invocationClock,
  startInvocationClock,
  undoDespiteThrottling,
  withConflictRetry,
} from './retry';

const slept: number[] = [];
beforeEach(() => {
  slept.length = 0;
  conflictRetry.sleep = async (ms) => void slept.push(ms);
  conflictRetry.random = () => 0.5;
  startInvocationClock(undefined);
});

describe('withConflictRetry', () => {
  it('retries a concurrent change with jittered backoff, then gives up with ResourceConflict', async () => {
    const attempt = jest.fn().mockRejectedValue(new ConcurrentPoolChange('changed meanwhile'));
    await expect(withConflictRetry(attempt)).rejects.toBeInstanceOf(exceptions.ResourceConflict);
    expect(attempt).toHaveBeenCalledTimes(5);
    expect(slept).toEqual([188, 375, 750, 1500]);
  });

  it('does not plan a retry past the invocation deadline', async () => {
    startInvocationClock(invocationClock.reserveMs + 300);
    const attempt = jest.fn().mockRejectedValue(new ConcurrentPoolChange('changed meanwhile'));
    await expect(withConflictRetry(attempt)).rejects.toBeInstanceOf(exceptions.ResourceConflict);
    expect(attempt).toHaveBeenCalledTimes(2);
  });
});

describe('undoDespiteThrottling', () => {
  it('tries a throttled undo again until it gets through', async () => {
    const step = jest
      .fn()
      .mockRejectedValueOnce(new exceptions.Throttling('Too many requests'))
      .mockRejectedValueOnce(new exceptions.Throttling('Too many requests'))
      .mockResolvedValue(undefined);
    await undoDespiteThrottling(step);
    expect(step).toHaveBeenCalledTimes(3);
  });

  it('passes any other failure through at once', async () => {
    const step = jest.fn().mockRejectedValue(new exceptions.InvalidRequest('no'));
    await expect(undoDespiteThrottling(step)).rejects.toBeInstanceOf(exceptions.InvalidRequest);
    expect(step).toHaveBeenCalledTimes(1);
  });
});
