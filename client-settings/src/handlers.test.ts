import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateUserPoolClientCommand,
  type UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import * as parameterStore from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { entrypoint, testEntrypoint } from './handlers';
import { clientMarkerTagKey } from './ownership';
import { conflictRetry } from '../../engine/retry';
import { CLIENT_TYPE_NAME } from '../../cli/typeNames';
import type { HandlerAction } from '../../test/support/cfnRequest';
import {
  invoke as invokeHandler,
  lambdaContext,
  testEvent,
  type ProgressEvent,
} from '../../test/support/handlerRunner';
import { quietLib } from '../../test/support/quietLib';

const cognito = mockClient(CognitoIdentityProviderClient);
const ssm = mockClient(parameterStore.SSMClient);
const PARAMETER = `/org-cognito-userpoolclientsettings/us-east-1_Example1/abcdefghij0123456789klmnop`;
const OTHER_STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/other-stack/1111';

/** The client's ownership parameter exists: another stack (or this one) manages it. */
function claimed(): void {
  ssm.on(parameterStore.GetParameterCommand, { Name: PARAMETER }).resolves({
    Parameter: { Name: PARAMETER, Value: JSON.stringify({ stackId: OTHER_STACK, logicalResourceId: 'WebClient' }) },
  });
}
const POOL_ID = 'us-east-1_Example1';
const CLIENT_ID = 'abcdefghij0123456789klmnop';
const SECRET = 'super-secret-value-that-must-never-leave-cognito';
const IDS = { UserPoolId: POOL_ID, ClientId: CLIENT_ID };

const described: UserPoolClientType = {
  UserPoolId: POOL_ID,
  ClientId: CLIENT_ID,
  ClientName: 'backend',
  ClientSecret: SECRET,
  CreationDate: new Date('2024-01-01'),
  LastModifiedDate: new Date('2024-01-02'),
  RefreshTokenValidity: 30,
  TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['client_credentials'],
  AllowedOAuthScopes: ['api.example.com/read'],
  ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
  PreventUserExistenceErrors: 'ENABLED',
  EnableTokenRevocation: true,
  AuthSessionValidity: 3,
};

function pool(managed: boolean) {
  return {
    UserPool: {
      Id: POOL_ID,
      Arn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${POOL_ID}`,
      UserPoolTier: 'ESSENTIALS' as const,
      UserPoolTags: {
        team: 'identity',
        // The pool is also managed by Org::Cognito::UserPoolSettings: its marker is just another tag here.
        'org-cognito-userpoolsettings:managed': 'true',
        ...(managed ? { [clientMarkerTagKey(CLIENT_ID)]: 'true' } : {}),
      },
    },
  };
}

function cognitoError(name: string): Error {
  return Object.assign(new Error(`${name} from Cognito`), { name, $metadata: {} });
}

function invoke(
  action: HandlerAction,
  properties: Record<string, unknown>,
  previousProperties?: Record<string, unknown>,
  nextToken?: string,
): Promise<ProgressEvent> {
  return invokeHandler(entrypoint, {
    action,
    properties,
    previousProperties,
    resourceType: CLIENT_TYPE_NAME,
    nextToken,
  });
}

beforeAll(() => {
  quietLib();
  conflictRetry.sleep = () => Promise.resolve();
});

beforeEach(() => {
  cognito.reset();
  cognito.on(DescribeUserPoolCommand).resolves(pool(false));
  cognito.on(DescribeUserPoolClientCommand).resolves({ UserPoolClient: described });
  cognito.on(UpdateUserPoolClientCommand).resolves({ UserPoolClient: described });
  cognito.on(TagResourceCommand).resolves({});
  cognito.on(UntagResourceCommand).resolves({});
  ssm.reset();
  ssm.on(parameterStore.GetParameterCommand).rejects(cognitoError('ParameterNotFound'));
  ssm.on(parameterStore.PutParameterCommand).resolves({ Version: 1 });
  ssm.on(parameterStore.DeleteParameterCommand).resolves({});
  // No other settings resource on the client.
  ssm.on(parameterStore.GetParametersByPathCommand).resolves({ Parameters: [] });
});

describe('CREATE', () => {
  it('reads pool, client and claim, sends one complete UpdateUserPoolClient, then claims with its parameter', async () => {
    const event = await invoke('CREATE', { ...IDS, AccessTokenValidity: '2' });
    expect(event.status).toBe('SUCCESS');
    expect(cognito).toHaveReceivedCommandTimes(DescribeUserPoolCommand, 1);
    expect(cognito).toHaveReceivedCommandTimes(DescribeUserPoolClientCommand, 1);
    expect(cognito).toHaveReceivedCommandWith(UpdateUserPoolClientCommand, {
      UserPoolId: POOL_ID,
      ClientId: CLIENT_ID,
      ClientName: 'backend',
      AccessTokenValidity: 2,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['api.example.com/read'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AuthSessionValidity: 3,
    });
    const sent = cognito.commandCalls(UpdateUserPoolClientCommand)[0].args[0].input;
    for (const member of ['ClientSecret', 'CreationDate', 'LastModifiedDate', 'ClientType']) {
      expect(sent).not.toHaveProperty(member);
    }
    // The claim is the client's own parameter, created without overwrite; the pool's tags are never touched.
    expect(ssm).toHaveReceivedCommandWith(parameterStore.PutParameterCommand, {
      Name: PARAMETER,
      Overwrite: false,
      Type: 'String',
    });
    const value = JSON.parse(String(ssm.commandCalls(parameterStore.PutParameterCommand)[0].args[0].input.Value));
    expect(value).toMatchObject({
      type: CLIENT_TYPE_NAME,
      stackId: expect.stringContaining(':stack/'),
      logicalResourceId: 'UserPoolClientSettings',
    });
    expect(cognito).not.toHaveReceivedCommand(TagResourceCommand);
    // Its own share: the members it declares (GenerateSecret is reported where it is declared).
    expect(event.resourceModel).toEqual({ ...IDS, SettingsName: 'default', AccessTokenValidity: 2 });
  });

  it('never returns or logs the client secret', async () => {
    const logged: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((...parts) => void logged.push(parts.join(' ')));
    try {
      claimed();
      for (const action of ['READ', 'UPDATE'] as const) {
        const event = await invoke(action, { ...IDS, AuthSessionValidity: '4' }, IDS);
        expect(event.status).toBe('SUCCESS');
        expect(JSON.stringify(event)).not.toContain(SECRET);
      }
    } finally {
      spy.mockRestore();
    }
    expect(logged.join('\n')).not.toContain(SECRET);
  });

  it('answers AlreadyExists naming the stack that manages the client, with no write', async () => {
    claimed();
    const event = await invoke('CREATE', IDS);
    expect(event.errorCode).toBe('AlreadyExists');
    expect(event.message).toContain(`WebClient in stack ${OTHER_STACK}`);
    expect(cognito).not.toHaveReceivedCommand(UpdateUserPoolClientCommand);
    expect(ssm).not.toHaveReceivedCommand(parameterStore.PutParameterCommand);
  });

  it('answers AlreadyExists for a client an earlier version claimed with a pool tag', async () => {
    cognito.on(DescribeUserPoolCommand).resolves(pool(true));
    const event = await invoke('CREATE', IDS);
    expect(event.errorCode).toBe('AlreadyExists');
    expect(event.message).toContain('an earlier version of this type');
  });

  it('loses a concurrent CREATE race cleanly: the claim is the first write, so nothing is written, and the winner is named', async () => {
    ssm.on(parameterStore.PutParameterCommand).rejects(cognitoError('ParameterAlreadyExists'));
    ssm
      .on(parameterStore.GetParameterCommand)
      .rejectsOnce(cognitoError('ParameterNotFound'))
      .resolves({ Parameter: { Value: JSON.stringify({ stackId: OTHER_STACK, logicalResourceId: 'Winner' }) } });
    const event = await invoke('CREATE', { ...IDS, AccessTokenValidity: '2' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'AlreadyExists' });
    expect(event.message).toContain(`Winner in stack ${OTHER_STACK}`);
    expect(cognito).not.toHaveReceivedCommand(UpdateUserPoolClientCommand);
  });

  it('writes only the claim when nothing declared changes', async () => {
    const event = await invoke('CREATE', { ...IDS, GenerateSecret: 'true', AuthSessionValidity: '3' });
    expect(event.status).toBe('SUCCESS');
    expect(cognito).not.toHaveReceivedCommand(UpdateUserPoolClientCommand);
    expect(ssm).toHaveReceivedCommandTimes(parameterStore.PutParameterCommand, 1);
  });

  it('refuses a differing GenerateSecret as NotUpdatable, with no write', async () => {
    const event = await invoke('CREATE', { ...IDS, GenerateSecret: 'false' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'NotUpdatable' });
    expect(cognito).not.toHaveReceivedCommand(UpdateUserPoolClientCommand);
    expect(ssm).not.toHaveReceivedCommand(parameterStore.PutParameterCommand);
  });

  it('maps a missing client to NotFound naming both identifiers', async () => {
    cognito.on(DescribeUserPoolClientCommand).rejects(cognitoError('ResourceNotFoundException'));
    const event = await invoke('CREATE', IDS);
    expect(event.errorCode).toBe('NotFound');
    expect(event.message).toContain(`${POOL_ID}|${CLIENT_ID}`);
  });

  it("maps InvalidOAuthFlowException to InvalidRequest with Cognito's reason", async () => {
    cognito.on(UpdateUserPoolClientCommand).rejects(cognitoError('InvalidOAuthFlowException'));
    const event = await invoke('CREATE', { ...IDS, AccessTokenValidity: '2' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toContain('InvalidOAuthFlowException');
  });
});

describe('UPDATE', () => {
  beforeEach(() => claimed());

  it('a no-op UPDATE reads and writes nothing', async () => {
    const event = await invoke('UPDATE', { ...IDS, AuthSessionValidity: '3' }, IDS);
    expect(event.status).toBe('SUCCESS');
    expect(cognito).not.toHaveReceivedCommand(UpdateUserPoolClientCommand);
    expect(ssm).not.toHaveReceivedCommand(parameterStore.PutParameterCommand);
  });

  it("moves an earlier version's tag claim to the parameter and removes the tag", async () => {
    ssm.on(parameterStore.GetParameterCommand).rejects(cognitoError('ParameterNotFound'));
    cognito.on(DescribeUserPoolCommand).resolves(pool(true));
    const event = await invoke('UPDATE', { ...IDS, AuthSessionValidity: '3' }, IDS);
    expect(event.status).toBe('SUCCESS');
    expect(ssm).toHaveReceivedCommandWith(parameterStore.PutParameterCommand, { Name: PARAMETER, Overwrite: false });
    expect(cognito).toHaveReceivedCommandWith(UntagResourceCommand, { TagKeys: [clientMarkerTagKey(CLIENT_ID)] });
  });

  it('retries the whole read-merge-write on ConcurrentModificationException', async () => {
    cognito
      .on(UpdateUserPoolClientCommand)
      .rejectsOnce(cognitoError('ConcurrentModificationException'))
      .resolves({ UserPoolClient: described });
    const event = await invoke('UPDATE', { ...IDS, AuthSessionValidity: '5' }, IDS);
    expect(event.status).toBe('SUCCESS');
    expect(cognito).toHaveReceivedCommandTimes(DescribeUserPoolClientCommand, 2);
    expect(cognito).toHaveReceivedCommandTimes(UpdateUserPoolClientCommand, 2);
  });

  it('refuses to move to another client or pool', async () => {
    const event = await invoke('UPDATE', { ...IDS, ClientId: 'otherclient' }, IDS);
    expect(event.errorCode).toBe('NotUpdatable');
    expect(cognito).not.toHaveReceivedCommand(DescribeUserPoolClientCommand);
  });
});

describe('READ, DELETE and LIST', () => {
  it('READ of an unmanaged client is NotFound', async () => {
    expect((await invoke('READ', IDS)).errorCode).toBe('NotFound');
  });

  it('DELETE removes only the parameter, whether or not the client still exists', async () => {
    claimed();
    cognito.on(DescribeUserPoolClientCommand).rejects(cognitoError('ResourceNotFoundException'));
    const event = await invoke('DELETE', IDS);
    expect(event.status).toBe('SUCCESS');
    expect(ssm).toHaveReceivedCommandWith(parameterStore.DeleteParameterCommand, { Name: PARAMETER });
    expect(cognito).not.toHaveReceivedCommand(UpdateUserPoolClientCommand);
    expect(cognito).not.toHaveReceivedCommand(UntagResourceCommand);
  });

  it('DELETE of a client an earlier version claimed removes the pool tag; of an unclaimed one answers NotFound', async () => {
    ssm.on(parameterStore.DeleteParameterCommand).rejects(cognitoError('ParameterNotFound'));
    cognito.on(DescribeUserPoolCommand).resolves(pool(true));
    expect((await invoke('DELETE', IDS)).status).toBe('SUCCESS');
    expect(cognito).toHaveReceivedCommandWith(UntagResourceCommand, {
      ResourceArn: pool(true).UserPool.Arn,
      TagKeys: [clientMarkerTagKey(CLIENT_ID)],
    });
    cognito.on(DescribeUserPoolCommand).resolves(pool(false));
    expect((await invoke('DELETE', IDS)).errorCode).toBe('NotFound');
  });

  it('LIST reads one page of ownership parameters per invocation and answers the clients that still exist', async () => {
    cognito.on(DescribeUserPoolCommand).resolves(pool(false));
    ssm
      .on(parameterStore.GetParametersByPathCommand, { Path: PARAMETER.replace(/\/[^/]+$/, ''), NextToken: undefined })
      .resolves({
        Parameters: [{ Name: PARAMETER }, { Name: PARAMETER.replace(CLIENT_ID, 'deletedclient') }],
        NextToken: 'more',
      });
    ssm.on(parameterStore.GetParametersByPathCommand, { NextToken: 'more' }).resolves({ Parameters: [] });
    cognito
      .on(DescribeUserPoolClientCommand, { ClientId: 'deletedclient' })
      .rejects(cognitoError('ResourceNotFoundException'));
    const first = await invoke('LIST', { UserPoolId: POOL_ID });
    expect(first.resourceModels).toEqual([{ ...IDS, SettingsName: 'default' }]);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = await invoke('LIST', { UserPoolId: POOL_ID }, undefined, first.nextToken);
    expect(second.resourceModels).toEqual([]);
    // A page with no client on it still hands on: to the clients claimed by a pool tag.
    const legacy = await invoke('LIST', { UserPoolId: POOL_ID }, undefined, second.nextToken);
    expect(legacy.resourceModels).toEqual([]);
    expect(legacy.nextToken).toBeUndefined();
    expect(ssm).toHaveReceivedCommandTimes(parameterStore.GetParametersByPathCommand, 2);
    expect((await invoke('LIST', {})).errorCode).toBe('InvalidRequest');
    expect((await invoke('LIST', { UserPoolId: POOL_ID }, undefined, 'garbage')).errorCode).toBe('InvalidRequest');
  });
});

describe('testEntrypoint (cfn test, SAM local invoke)', () => {
  it('validates raw properties before any call', async () => {
    const event = await testEntrypoint(
      testEvent('CREATE', { ...IDS, AllowedOAuthFlows: ['password'] }),
      lambdaContext(),
    );
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toContain('AllowedOAuthFlows.0: must be one of code, implicit, client_credentials');
    expect(cognito.calls()).toHaveLength(0);
  });
});
