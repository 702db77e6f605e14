import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

/**
 * A stand-in Cognito endpoint that answers reads with fixed answers (a fixture pool and
 * client, as JSON on the wire) and records every write, answering it with success. It
 * lets a test replay a real pool's shape through the handler and inspect each request.
 */
export class FixtureServer {
  /** Every request, with the headers it was signed with (the Region is in its signature scope). */
  readonly requests: { operation: string; body: Json; headers: http.IncomingHttpHeaders }[] = [];
  private server?: http.Server;

  /** Parameter Store parameters the handler wrote: its ownership records. */
  private readonly parameters = new Map<string, string>();

  constructor(private answers: { pool?: Json; mfa?: Json; client?: Json }) {}

  setAnswers(answers: { pool?: Json; mfa?: Json; client?: Json }): void {
    this.answers = answers;
    this.requests.length = 0;
  }

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const operation =
          String(request.headers['x-amz-target'] ?? '')
            .split('.')
            .pop() ?? '';
        const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Json) : {};
        this.requests.push({ operation, body, headers: request.headers });
        const answer = this.answer(operation, body);
        const missing = operation === 'GetParameter' ? 'ParameterNotFound' : 'ResourceNotFoundException';
        response.writeHead(answer ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(answer ?? { __type: missing, message: 'no fixture' }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The bodies of one operation's requests. */
  requestsOf(operation: string): Json[] {
    return this.requests.filter((request) => request.operation === operation).map((request) => request.body);
  }

  private answer(operation: string, body: Json): Json | undefined {
    switch (operation) {
      case 'DescribeUserPool':
        return this.answers.pool && { UserPool: this.answers.pool };
      case 'GetUserPoolMfaConfig':
        return this.answers.mfa ?? { MfaConfiguration: this.answers.pool?.MfaConfiguration ?? 'OFF' };
      case 'DescribeUserPoolClient':
        return this.answers.client && { UserPoolClient: this.answers.client };
      case 'UpdateUserPoolClient':
        return { UserPoolClient: this.answers.client };
      // Parameter Store: the ownership records the handler writes, nothing before.
      case 'PutParameter':
        this.parameters.set(String(body.Name), String(body.Value));
        return { Version: 1 };
      case 'GetParameter': {
        const value = this.parameters.get(String(body.Name));
        return value === undefined ? undefined : { Parameter: { Name: body.Name, Value: value } };
      }
      default:
        return {};
    }
  }
}
