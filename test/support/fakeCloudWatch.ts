import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the fake answers: as CloudWatch does, throttling every call, denying every call,
 * or accepting connections and never answering (a black hole).
 */
export type FakeCloudWatchMode = 'ok' | 'throttle' | 'deny' | 'hang';

export interface DeliveredLogEvent {
  logGroupName: string;
  logStreamName: string;
  message: string;
  timestamp: number;
}

export interface DeliveredMetric {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  value: number;
}

const LOGS_TARGET = 'Logs_20140328.';
const METRICS_TARGET = 'GraniteServiceVersion20100801.';
const ERRORS: Record<Exclude<FakeCloudWatchMode, 'ok' | 'hang'>, { status: number; type: string }> = {
  throttle: { status: 400, type: 'ThrottlingException' },
  deny: { status: 400, type: 'AccessDeniedException' },
};

/**
 * A local stand-in for the CloudWatch Logs and CloudWatch (metrics) JSON APIs, enough
 * for provider telemetry: CreateLogStream, PutLogEvents, PutMetricData. Log groups must
 * exist (as in CloudWatch) and are never created. Every request is recorded, so a test
 * can also show that nothing else (an S3 bucket, a log group) was asked for.
 */
export class FakeCloudWatch {
  mode: FakeCloudWatchMode = 'ok';
  readonly logEvents: DeliveredLogEvent[] = [];
  readonly metrics: DeliveredMetric[] = [];
  /** Every call, as `Service.Operation` (or the method and path of a non-JSON request). */
  readonly calls: string[] = [];
  private readonly logGroups = new Set<string>();
  private readonly logStreams = new Set<string>();
  private readonly sockets = new Set<import('node:net').Socket>();
  private server?: http.Server;

  constructor(logGroups: string[] = []) {
    for (const group of logGroups) this.logGroups.add(group);
  }

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => this.handle(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  reset(): void {
    this.mode = 'ok';
    this.logEvents.length = 0;
    this.metrics.length = 0;
    this.calls.length = 0;
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      this.calls.push(target || `${request.method} ${request.url}`);
      if (this.mode === 'hang') return;
      if (this.mode !== 'ok') return this.fail(response, ERRORS[this.mode].status, ERRORS[this.mode].type);
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
      if (target.startsWith(LOGS_TARGET)) return this.logs(target.slice(LOGS_TARGET.length), body, response);
      if (target === `${METRICS_TARGET}PutMetricData`) return this.putMetricData(body, response);
      this.fail(response, 400, 'UnknownOperationException');
    });
  }

  private logs(operation: string, body: Record<string, unknown>, response: http.ServerResponse): void {
    const group = String(body.logGroupName);
    const stream = `${group}/${String(body.logStreamName)}`;
    if (!this.logGroups.has(group)) return this.fail(response, 400, 'ResourceNotFoundException');
    if (operation === 'CreateLogStream') {
      if (this.logStreams.has(stream)) return this.fail(response, 400, 'ResourceAlreadyExistsException');
      this.logStreams.add(stream);
      return this.ok(response, {});
    }
    if (operation === 'PutLogEvents') {
      if (!this.logStreams.has(stream)) return this.fail(response, 400, 'ResourceNotFoundException');
      for (const event of body.logEvents as { message: string; timestamp: number }[]) {
        this.logEvents.push({ logGroupName: group, logStreamName: String(body.logStreamName), ...event });
      }
      return this.ok(response, {});
    }
    this.fail(response, 400, 'UnknownOperationException');
  }

  private putMetricData(body: Record<string, unknown>, response: http.ServerResponse): void {
    type Datum = { MetricName: string; Dimensions?: { Name: string; Value: string }[]; Value: number };
    for (const datum of body.MetricData as Datum[]) {
      this.metrics.push({
        namespace: String(body.Namespace),
        metricName: datum.MetricName,
        dimensions: Object.fromEntries((datum.Dimensions ?? []).map(({ Name, Value }) => [Name, Value])),
        value: datum.Value,
      });
    }
    this.ok(response, {});
  }

  private ok(response: http.ServerResponse, body: object): void {
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(JSON.stringify(body));
  }

  private fail(response: http.ServerResponse, status: number, type: string): void {
    response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type });
    response.end(JSON.stringify({ __type: type, message: `${type} from the fake` }));
  }
}
