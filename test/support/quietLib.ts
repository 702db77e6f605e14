import * as libUtils from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib/dist/utils';

/**
 * The lib waits a fixed second after every invocation to flush log delivery, and
 * prints its progress through console.log. Tests keep the wait out and the output quiet;
 * everything else about the entrypoints runs as in Lambda.
 */
export function quietLib(): void {
  jest.spyOn(libUtils, 'delay').mockResolvedValue(undefined);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
}
