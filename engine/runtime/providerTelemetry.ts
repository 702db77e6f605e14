import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';

/** The provider (type owner) side of a request: where logs and metrics go. */
export interface ProviderTelemetrySettings {
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region: string;
  /** Absent when the type has no logging configuration: metrics only. */
  logGroupName?: string;
  logStreamName: string;
  resourceType: string;
}

export interface InvocationReport {
  action: string;
  startedAt: Date;
  durationMs: number;
  /** The handler error code when the invocation failed. */
  errorCode?: string;
  logLines: { timestamp: number; message: string }[];
}

/** What delivery achieved; failures are reported here, never thrown. */
export interface DeliveryOutcome {
  logLinesDelivered: number;
  metricsDelivered: boolean;
  problems: string[];
}

/**
 * How long telemetry may add to an invocation. Metrics and logs are sent in parallel,
 * each in one request, so a healthy delivery takes one round trip; an unreachable,
 * throttling or denying endpoint costs at most this.
 */
export const TELEMETRY_BUDGET_MS = 800;

/**
 * Delivers an invocation's log lines to the provider log group and its metrics to
 * CloudWatch, as the handler contract's provider logging expects, but as telemetry:
 * a failure never changes the operation's result, nothing waits longer than the
 * budget, and nothing is created in the account except the log stream the lines go
 * to (no log group, no S3 bucket).
 */
export class ProviderTelemetry {
  constructor(
    private readonly settings: ProviderTelemetrySettings,
    private readonly budgetMs = TELEMETRY_BUDGET_MS,
  ) {}

  async deliver(report: InvocationReport): Promise<DeliveryOutcome> {
    const outcome: DeliveryOutcome = { logLinesDelivered: 0, metricsDelivered: false, problems: [] };
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.budgetMs);
    const { logs, metrics } = this.clients();
    try {
      await Promise.all([
        this.deliverLogs(logs, report, abort.signal).then(
          (delivered) => (outcome.logLinesDelivered = delivered),
          (error: unknown) => outcome.problems.push(`log delivery: ${describe(error)}`),
        ),
        this.deliverMetrics(metrics, report, abort.signal).then(
          () => (outcome.metricsDelivered = true),
          (error: unknown) => outcome.problems.push(`metrics: ${describe(error)}`),
        ),
      ]);
    } finally {
      clearTimeout(timer);
      logs.destroy();
      metrics.destroy();
    }
    return outcome;
  }

  private async deliverLogs(
    client: CloudWatchLogsClient,
    report: InvocationReport,
    abortSignal: AbortSignal,
  ): Promise<number> {
    const { logGroupName, logStreamName } = this.settings;
    if (!logGroupName || report.logLines.length === 0) return 0;
    try {
      await client.send(new CreateLogStreamCommand({ logGroupName, logStreamName }), { abortSignal });
    } catch (error) {
      // The stream of an earlier invocation of the same resource: write to it.
      if ((error as Error).name !== 'ResourceAlreadyExistsException') throw error;
    }
    await client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents: report.logLines }), {
      abortSignal,
    });
    return report.logLines.length;
  }

  private async deliverMetrics(
    client: CloudWatchClient,
    report: InvocationReport,
    abortSignal: AbortSignal,
  ): Promise<void> {
    const { resourceType } = this.settings;
    // The namespace and dimensions CloudFormation's own provider metrics use.
    const dimensions = [
      { Name: 'DimensionKeyActionType', Value: report.action },
      { Name: 'DimensionKeyResourceType', Value: resourceType },
    ];
    const metricData = [
      { MetricName: 'HandlerInvocationCount', Dimensions: dimensions, Unit: 'Count' as const, Value: 1 },
      {
        MetricName: 'HandlerInvocationDuration',
        Dimensions: dimensions,
        Unit: 'Milliseconds' as const,
        Value: report.durationMs,
      },
    ];
    if (report.errorCode) {
      metricData.push({
        MetricName: 'HandlerException',
        Dimensions: [...dimensions, { Name: 'DimensionKeyExceptionType', Value: report.errorCode }],
        Unit: 'Count' as const,
        Value: 1,
      });
    }
    await client.send(
      new PutMetricDataCommand({
        Namespace: `AWS/CloudFormation/${resourceType.replace(/::/g, '/')}`,
        MetricData: metricData.map((datum) => ({ ...datum, Timestamp: report.startedAt })),
      }),
      { abortSignal },
    );
  }

  private clients(): { logs: CloudWatchLogsClient; metrics: CloudWatchClient } {
    const { accessKeyId, secretAccessKey, sessionToken } = this.settings.credentials;
    const config = {
      region: this.settings.region,
      // A copy: the SDK annotates the object it is given, and this one is the request's.
      credentials: { accessKeyId, secretAccessKey, sessionToken },
      // One retry (a throttled call) fits the budget; the abort signal bounds the rest.
      maxAttempts: 2,
    };
    return { logs: new CloudWatchLogsClient(config), metrics: new CloudWatchClient(config) };
  }
}

function describe(error: unknown): string {
  const name = (error as { name?: string })?.name ?? 'Error';
  const message = (error as { message?: string })?.message ?? String(error);
  return `${name}: ${message}`;
}
