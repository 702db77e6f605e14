import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Cognito error the proxy answers instead of forwarding, `times` times. */
export interface InjectedFault {
  operation: string;
  errorName: string;
  times: number;
  message?: string;
}

/**
 * A small HTTP proxy in front of a Cognito endpoint (cognito-local) that counts the
 * calls per API operation and can answer chosen calls with a Cognito error, to test
 * retries and to show how many calls an operation makes.
 */
export class CognitoProxy {
  readonly calls: string[] = [];
  private readonly faults: InjectedFault[] = [];
  private server?: http.Server;

  constructor(public target: string) {}

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  inject(fault: InjectedFault): void {
    this.faults.push({ ...fault });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Calls per operation since the last reset, e.g. { DescribeUserPool: 1 }. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.calls) counts[call] = (counts[call] ?? 0) + 1;
    return counts;
  }

  resetCounts(): void {
    this.calls.length = 0;
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation =
        String(request.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      this.calls.push(operation);
      const fault = this.faults.find((candidate) => candidate.operation === operation && candidate.times > 0);
      if (fault) {
        fault.times -= 1;
        const status = fault.errorName.startsWith('Internal') ? 500 : 400;
        response.writeHead(status, {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-errortype': fault.errorName,
        });
        response.end(
          JSON.stringify({ __type: fault.errorName, message: fault.message ?? `injected ${fault.errorName}` }),
        );
        return;
      }
      const forward = http.request(
        new URL(request.url ?? '/', this.target),
        { method: request.method, headers: { ...request.headers, host: new URL(this.target).host } },
        (upstream) => {
          response.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(response);
        },
      );
      forward.on('error', (error) => {
        response.writeHead(502);
        response.end(String(error));
      });
      forward.end(body);
    });
  }
}
