import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { isDeepStrictEqual } from 'node:util';
import { entrypoint as clientEntrypoint } from '../../client-settings/src/handlers';
import { entrypoint } from '../../src/handlers';
import { CARRIED_FIELDS, UPDATE_POOL_FIELDS } from '../../src/fields';
import { CLIENT_TYPE_NAME } from '../../cli/typeNames';
import { runToCompletion } from '../support/handlerRunner';
import { flatten } from '../../engine/leafChanges';
import { pointHandlersAt } from '../support/emulatorEndpoints';
import { FixtureServer } from '../support/fixtureServer';
import { quietLib } from '../support/quietLib';
import { CLIENT_SHAPES, POOL_SHAPES } from '../support/realShapes';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let restoreEndpoints = () => undefined as void;
const server = new FixtureServer({});

beforeAll(async () => {
  quietLib();
  restoreEndpoints = pointHandlersAt(await server.start());
});
afterAll(async () => {
  await server.stop();
  restoreEndpoints();
});

/** The member names of an SDK request shape, read from the SDK's own schema. */
function requestMembers(shape: unknown): string[] {
  const resolve = (value: unknown): unknown => (typeof value === 'function' ? resolve(value()) : value);
  return (resolve(shape) as unknown[])[4] as string[];
}

const wait = async () => undefined;

/** The MFA state a pool of this shape reports: TOTP with OPTIONAL, SMS too when it has an SMS configuration. */
function mfaOf(pool: Json): Json {
  if ((pool.MfaConfiguration ?? 'OFF') === 'OFF') return { MfaConfiguration: 'OFF' };
  return {
    MfaConfiguration: pool.MfaConfiguration,
    SoftwareTokenMfaConfiguration: { Enabled: true },
    ...(pool.SmsConfiguration
      ? {
          SmsMfaConfiguration: {
            SmsAuthenticationMessage: pool.SmsAuthenticationMessage,
            SmsConfiguration: pool.SmsConfiguration,
          },
        }
      : {}),
  };
}

/**
 * What the update may leave out or change of a described setting, each with its reason.
 * Everything else the pool holds goes back with the same value.
 */
function poolException(path: string, pool: Json): string | undefined {
  if (path === 'Policies.PasswordPolicy.MinimumLength') return 'the declared change';
  if (path === 'AdminCreateUserConfig.UnusedAccountValidityDays') {
    return 'rejected next to TemporaryPasswordValidityDays; carried there when the policy lacks it (checked below)';
  }
  if (
    /^(EmailVerificationMessage|EmailVerificationSubject|SmsVerificationMessage)$/.test(path) &&
    pool.VerificationMessageTemplate
  ) {
    return 'legacy text superseded by VerificationMessageTemplate, which the request carries';
  }
  if (path.startsWith('UserPoolTags')) return 'written by TagResource; UpdateUserPool keeps tags it is not sent';
  return undefined;
}

describe('every setting a real pool has survives an update (fixtures in the shapes of real outputs)', () => {
  const members = requestMembers(sdk.UpdateUserPoolRequest$);

  it.each(POOL_SHAPES.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    const pool: Json = fixture.described;
    server.setAnswers({ pool, mfa: mfaOf(pool) });
    const { event } = await runToCompletion(
      entrypoint as never,
      {
        action: 'CREATE',
        properties: {
          UserPoolId: pool.Id,
          Policies: { PasswordPolicy: { MinimumLength: '15' } },
          UserPoolTags: { 'settings-check': 'declared' },
          // Declared as the pool holds it (a template pasted from the describe): READ reports it back.
          ...(pool.VerificationMessageTemplate
            ? { VerificationMessageTemplate: pool.VerificationMessageTemplate }
            : {}),
        },
      },
      { wait },
    );
    expect({ fixture: fixture.follows, status: event.status, message: event.message }).toMatchObject({
      status: 'SUCCESS',
    });
    const [request, ...more]: Json[] = server.requestsOf('UpdateUserPool');
    expect(more).toEqual([]);
    expect(Object.keys(request).filter((member) => !members.includes(member))).toEqual([]);
    expect(request).not.toHaveProperty('UserPoolTags');

    const settings = new Set<string>([...UPDATE_POOL_FIELDS, ...CARRIED_FIELDS, 'MfaConfiguration']);
    const lost: string[] = [];
    for (const [path, value] of flatten(pool)) {
      if (!settings.has(path.split('.')[0]) || poolException(path, pool)) continue;
      // An empty object holds nothing to keep.
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
        continue;
      const sent = flatten(request).get(path);
      if (!isDeepStrictEqual(sent, value)) lost.push(`${path}: ${JSON.stringify(value)} → ${JSON.stringify(sent)}`);
    }
    expect(lost).toEqual([]);
    expect(request.PoolName).toBe(pool.Name);
    expect(request.Policies.PasswordPolicy.MinimumLength).toBe(15);
    const lifetime =
      pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays ??
      pool.AdminCreateUserConfig?.UnusedAccountValidityDays;
    expect(request.Policies.PasswordPolicy.TemporaryPasswordValidityDays).toBe(lifetime);
    expect(request.AdminCreateUserConfig ?? {}).not.toHaveProperty('UnusedAccountValidityDays');

    // Tags go to the pool's ARN, derived from the request's account when the describe has none.
    const [tagRequest]: Json[] = server.requestsOf('TagResource');
    const region = String(pool.Id).split('_')[0];
    expect(tagRequest.ResourceArn).toBe(pool.Arn ?? `arn:aws:cognito-idp:${region}:123456789012:userpool/${pool.Id}`);

    // READ reports the resource's share as the update keeps it, both verification variants included.
    server.setAnswers({
      pool: { ...pool, UserPoolTags: { ...pool.UserPoolTags, ...tagRequest.Tags } },
      mfa: mfaOf(pool),
    });
    const read = await runToCompletion(
      entrypoint as never,
      { action: 'READ', properties: { UserPoolId: pool.Id } },
      { wait },
    );
    expect(read.event.status).toBe('SUCCESS');
    if (pool.VerificationMessageTemplate) {
      expect(read.event.resourceModel?.VerificationMessageTemplate).toEqual(pool.VerificationMessageTemplate);
    }
  });
});

function clientException(path: string): string | undefined {
  if (path === 'AccessTokenValidity') return 'the declared change';
  if (path === 'ClientSecret') return 'a credential: never read, sent or returned';
  return undefined;
}

describe('every setting a real app client has survives an update', () => {
  const members = requestMembers(sdk.UpdateUserPoolClientRequest$);
  const pool: Json = POOL_SHAPES[1].described;

  it.each(CLIENT_SHAPES.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    const client: Json = fixture.described;
    // A describe without Arn: the client type names the pool by the derived ARN as well.
    const { Arn: _arn, ...olderPool } = pool;
    server.setAnswers({ pool: olderPool, client });
    const units = { AccessToken: 'hours', ...client.TokenValidityUnits };
    const { event } = await runToCompletion(
      clientEntrypoint as never,
      {
        action: 'CREATE',
        resourceType: CLIENT_TYPE_NAME,
        properties: {
          UserPoolId: client.UserPoolId,
          ClientId: client.ClientId,
          AccessTokenValidity: units.AccessToken === 'minutes' ? '30' : '2',
        },
      },
      { wait },
    );
    expect({ fixture: fixture.follows, status: event.status, message: event.message }).toMatchObject({
      status: 'SUCCESS',
    });
    expect(JSON.stringify(event)).not.toContain('do-not-leak');
    const [request, ...more]: Json[] = server.requestsOf('UpdateUserPoolClient');
    expect(more).toEqual([]);
    expect(Object.keys(request).filter((member) => !members.includes(member))).toEqual([]);
    expect(request).not.toHaveProperty('ClientSecret');
    const lost: string[] = [];
    for (const [path, value] of flatten(client)) {
      if (!members.includes(path.split('.')[0]) || clientException(path)) continue;
      const sent = flatten(request).get(path);
      if (!isDeepStrictEqual(sent, value)) lost.push(`${path}: ${JSON.stringify(value)} → ${JSON.stringify(sent)}`);
    }
    expect(lost).toEqual([]);
    // Units the client leaves out are Cognito's defaults, sent explicitly so no number is reread.
    expect(request.TokenValidityUnits).toEqual({
      AccessToken: 'hours',
      IdToken: 'hours',
      RefreshToken: 'days',
      ...client.TokenValidityUnits,
    });
    // The claim is the client's own parameter: the pool's tags are never touched.
    expect(server.requestsOf('TagResource')).toEqual([]);
    // The claim with the undo record first (without overwrite), then the record marked finished.
    const name = `/org-cognito-userpoolclientsettings/${client.UserPoolId}/${client.ClientId}`;
    expect(server.requestsOf('PutParameter')).toEqual([
      expect.objectContaining({ Name: name, Overwrite: false }),
      expect.objectContaining({ Name: name, Overwrite: true }),
    ]);
  });
});
