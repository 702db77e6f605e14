import { parseProgramArguments } from './cliArguments';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CLIENT_TYPE_NAME, TYPE_NAME } from './typeNames';
import { PLACEHOLDER_CREDENTIALS, type HandlerAction } from '../test/support/cfnRequest';
import { pointHandlersAt } from '../test/support/emulatorEndpoints';
import { startCognitoLocal, type CognitoLocal } from '../test/support/cognitoLocal';
import { CognitoProxy } from '../test/support/cognitoProxy';
import { accountCredentials, silenceConsoleLog } from './localRun';
import { loadHandler, runToCompletion, type ProgressEvent } from '../test/support/handlerRunner';
import { amplifyLikeClient } from '../test/support/productionClient';
import { productionPoolRequest } from '../test/support/productionPool';
import { handlerBundle, projectRoot } from './projectRoot';

const ACTIONS: HandlerAction[] = ['CREATE', 'READ', 'UPDATE', 'DELETE', 'LIST'];

const USAGE = `usage: npm run invoke -- <event.json> [--with-pool | --endpoint URL | --real] [--json]

Runs one handler event through the bundled production entrypoint and prints the
resulting progress event, following IN_PROGRESS callbacks as CloudFormation does.
<event.json> is a sam-tests/ event or a CloudFormation handler request, of either type:
events with a ClientId (client-settings/sam-tests/) run Org::Cognito::UserPoolClientSettings.
  (default)       against an embedded cognito-local started for this run (empty)
  --with-pool     the same, with a production-like pool (and an app client set up as
                  Amplify does) standing in for the event's UserPoolId (and ClientId);
                  for READ, UPDATE and DELETE it is claimed (CREATE) first
  --endpoint URL  against a running Cognito-compatible endpoint
  --real          against your AWS account (default credential chain and region)
  --json          machine-readable output`;

export class UsageError extends Error {}

export interface InvokeOptions {
  eventFile: string;
  endpoint?: string;
  real?: boolean;
  /** On the embedded emulator: a production-like pool stands in for the event's pool. */
  withPool?: boolean;
  handlerPath?: string;
}

interface ParsedEvent {
  typeName: string;
  action: HandlerAction;
  properties: Record<string, unknown>;
  previousProperties?: Record<string, unknown>;
  region?: string;
  callbackContext?: Record<string, unknown>;
}

/** Reads a sam-tests event ({action, request.desiredResourceState}) or a CloudFormation request. */
export function parseEventFile(file: string): ParsedEvent {
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const action = String(event.action ?? '').toUpperCase() as HandlerAction;
  if (!ACTIONS.includes(action)) {
    throw new UsageError(`${file}: unknown action "${String(event.action)}"; expected one of ${ACTIONS.join(', ')}`);
  }
  const request = event.request as Record<string, Record<string, unknown> | undefined> | undefined;
  const requestData = event.requestData as Record<string, Record<string, unknown> | undefined> | undefined;
  const properties = request?.desiredResourceState ?? requestData?.resourceProperties ?? {};
  // The request names its type; a sam-tests event says it by its ClientId or by living in the client project.
  const clientEvent =
    event.resourceType === CLIENT_TYPE_NAME ||
    'ClientId' in properties ||
    path.resolve(file).startsWith(path.join(projectRoot(), 'client-settings') + path.sep);
  return {
    typeName: clientEvent ? CLIENT_TYPE_NAME : TYPE_NAME,
    action,
    properties,
    previousProperties: request?.previousResourceState ?? requestData?.previousResourceProperties ?? undefined,
    region: typeof event.region === 'string' ? event.region : undefined,
    callbackContext: (event.callbackContext as Record<string, unknown> | null) ?? undefined,
  };
}

export async function invoke(options: InvokeOptions): Promise<ProgressEvent> {
  let parsed = parseEventFile(options.eventFile);
  if (options.withPool && (options.real || options.endpoint)) {
    throw new UsageError('--with-pool works on the embedded emulator only');
  }
  let local: CognitoLocal | undefined;
  let proxy: CognitoProxy | undefined;
  let restoreEndpoints = () => undefined as void;
  try {
    let credentials = PLACEHOLDER_CREDENTIALS;
    let region = parsed.region ?? 'us-east-1';
    if (options.real) {
      ({ credentials, region } = await accountCredentials(region));
    } else if (options.endpoint) {
      await assertReachable(options.endpoint);
      restoreEndpoints = pointHandlersAt(options.endpoint);
    } else {
      local = await startCognitoLocal();
      // The proxy adds what cognito-local lacks (tag APIs) and Cognito's own rules.
      proxy = new CognitoProxy(local.endpoint);
      restoreEndpoints = pointHandlersAt(await proxy.start());
    }
    const entrypoint = loadHandler(options.handlerPath ?? handlerBundle(parsed.typeName));
    if (options.withPool && local) {
      parsed = await withLocalPool(parsed, String(process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER), entrypoint);
    }
    const { event } = await runToCompletion(entrypoint, {
      resourceType: parsed.typeName,
      action: parsed.action,
      properties: parsed.properties,
      previousProperties: parsed.previousProperties,
      callbackContext: parsed.callbackContext,
      region,
      credentials,
    });
    return event;
  } finally {
    restoreEndpoints();
    await proxy?.stop();
    await local?.stop();
  }
}

/**
 * Creates a production-like pool (and, for an app client event, an Amplify-like client)
 * on the embedded emulator, puts the ids in place of the event's and, for actions that
 * need a managed resource, claims it with CREATE.
 */
async function withLocalPool(
  parsed: ParsedEvent,
  emulatorEndpoint: string,
  entrypoint: ReturnType<typeof loadHandler>,
): Promise<ParsedEvent> {
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: PLACEHOLDER_CREDENTIALS,
    endpoint: emulatorEndpoint,
  });
  try {
    const created = await client.send(new CreateUserPoolCommand(productionPoolRequest('invoke-with-pool')));
    const poolId = created.UserPool?.Id ?? '';
    const ids: Record<string, string> = { UserPoolId: poolId };
    if (parsed.typeName === CLIENT_TYPE_NAME) {
      const app = await client.send(new CreateUserPoolClientCommand({ ...amplifyLikeClient(), UserPoolId: poolId }));
      ids.ClientId = app.UserPoolClient?.ClientId ?? '';
    }
    const substitute = (properties?: Record<string, unknown>) => properties && { ...properties, ...ids };
    // The actions about a managed resource find one: the stand-in is claimed first (LIST too,
    // so that it lists something).
    if (['READ', 'UPDATE', 'DELETE', 'LIST'].includes(parsed.action)) {
      const claimed = await runToCompletion(entrypoint, {
        resourceType: parsed.typeName,
        action: 'CREATE',
        properties: ids,
      });
      if (claimed.event.status !== 'SUCCESS')
        throw new Error(`claiming the local pool failed: ${claimed.event.message}`);
    }
    return {
      ...parsed,
      properties: substitute(parsed.properties) ?? {},
      previousProperties: substitute(parsed.previousProperties),
    };
  } finally {
    client.destroy();
  }
}

async function assertReachable(endpoint: string): Promise<void> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError(`--endpoint ${endpoint} is not a URL`);
  }
  try {
    await fetch(url, { method: 'POST', signal: AbortSignal.timeout(3000) });
  } catch (error) {
    throw new UsageError(`cannot reach ${endpoint}: ${(error as Error).cause ?? (error as Error).message}`);
  }
}

function formatEvent(event: ProgressEvent): string {
  const lines = [`status: ${event.status}`];
  if (event.errorCode) lines.push(`errorCode: ${event.errorCode}`);
  if (event.message) lines.push(`message: ${event.message}`);
  if (event.resourceModel) lines.push(`resourceModel: ${JSON.stringify(event.resourceModel, null, 2)}`);
  if (event.resourceModels) lines.push(`resourceModels: ${JSON.stringify(event.resourceModels, null, 2)}`);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseProgramArguments(argv, {
        json: { type: 'boolean' },
        real: { type: 'boolean' },
        'with-pool': { type: 'boolean' },
        endpoint: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\n${USAGE}`);
    }
    const { values, positionals: files } = parsed;
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const { json, real = false, endpoint } = values;
    const withPool = values['with-pool'] ?? false;
    if (files.length !== 1 || endpoint === '') throw new UsageError(USAGE);
    const restoreLog = silenceConsoleLog();
    let event: ProgressEvent;
    try {
      event = await invoke({ eventFile: files[0], endpoint, real, withPool });
    } finally {
      restoreLog();
    }
    process.stdout.write(`${json ? JSON.stringify(event) : formatEvent(event)}\n`);
    return event.status === 'FAILED' ? 1 : 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
}
