/**
 * The handlers write their log lines to the Lambda log (console.log), as in Lambda.
 * Tests keep that output quiet; everything else about the entrypoints runs as in Lambda.
 */
export function quietLib(): void {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
}
