import { InvocationLog } from './invocationLog';

describe('InvocationLog', () => {
  it('masks every registered secret in the Lambda log and in the lines kept for the provider log group', () => {
    const lambdaLines: string[] = [];
    const log = new InvocationLog((line) => lambdaLines.push(line));
    log.redact('AKIAEXAMPLE', 'bearer-token-value', undefined, null);
    log.log('signed with %s for %s', 'AKIAEXAMPLE', 'bearer-token-value');
    expect(lambdaLines).toEqual(['signed with <REDACTED> for <REDACTED>']);
    expect(log.lines.map((line) => line.message)).toEqual(['signed with <REDACTED> for <REDACTED>']);
  });

  it('formats objects and keeps a timestamp for each line, in order', () => {
    const log = new InvocationLog(() => undefined);
    log.log('one %j', { a: 1 });
    log.log('two');
    expect(log.lines.map((line) => line.message)).toEqual(['one {"a":1}', 'two']);
    expect(log.lines[0].timestamp).toBeLessThanOrEqual(log.lines[1].timestamp);
  });
});
