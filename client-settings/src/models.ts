// This is a generated file. Modifications will be overwritten.
// Regenerate with `npm run generate` after changing schema.json.
import { BaseModel, Dict, integer, Integer, Optional, transformValue } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { Exclude, Expose, Type, Transform } from 'class-transformer';

export class ResourceModel extends BaseModel {
    ['constructor']!: typeof ResourceModel;

    @Exclude()
    public static readonly TYPE_NAME: string = 'Org::Cognito::UserPoolClientSettings';

    @Exclude()
    protected readonly IDENTIFIER_KEY_USERPOOLID: string = '/properties/UserPoolId';
    @Exclude()
    protected readonly IDENTIFIER_KEY_CLIENTID: string = '/properties/ClientId';

    @Expose({ name: 'UserPoolId' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'userPoolId', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    userPoolId?: Optional<string>;
    @Expose({ name: 'ClientId' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'clientId', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    clientId?: Optional<string>;
    @Expose({ name: 'ClientName' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'clientName', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    clientName?: Optional<string>;
    @Expose({ name: 'GenerateSecret' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'generateSecret', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    generateSecret?: Optional<boolean>;
    @Expose({ name: 'RefreshTokenValidity' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Integer, 'refreshTokenValidity', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    refreshTokenValidity?: Optional<integer>;
    @Expose({ name: 'AccessTokenValidity' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Integer, 'accessTokenValidity', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    accessTokenValidity?: Optional<integer>;
    @Expose({ name: 'IdTokenValidity' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Integer, 'idTokenValidity', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    idTokenValidity?: Optional<integer>;
    @Expose({ name: 'TokenValidityUnits' })
    @Type(() => TokenValidityUnits)
    tokenValidityUnits?: Optional<TokenValidityUnits>;
    @Expose({ name: 'ReadAttributes' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'readAttributes', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    readAttributes?: Optional<Array<string>>;
    @Expose({ name: 'WriteAttributes' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'writeAttributes', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    writeAttributes?: Optional<Array<string>>;
    @Expose({ name: 'ExplicitAuthFlows' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'explicitAuthFlows', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    explicitAuthFlows?: Optional<Array<string>>;
    @Expose({ name: 'SupportedIdentityProviders' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'supportedIdentityProviders', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    supportedIdentityProviders?: Optional<Array<string>>;
    @Expose({ name: 'CallbackURLs' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'callbackURLs', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    callbackURLs?: Optional<Array<string>>;
    @Expose({ name: 'LogoutURLs' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'logoutURLs', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    logoutURLs?: Optional<Array<string>>;
    @Expose({ name: 'DefaultRedirectURI' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'defaultRedirectURI', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    defaultRedirectURI?: Optional<string>;
    @Expose({ name: 'AllowedOAuthFlows' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'allowedOAuthFlows', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    allowedOAuthFlows?: Optional<Array<string>>;
    @Expose({ name: 'AllowedOAuthScopes' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'allowedOAuthScopes', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    allowedOAuthScopes?: Optional<Array<string>>;
    @Expose({ name: 'AllowedOAuthFlowsUserPoolClient' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'allowedOAuthFlowsUserPoolClient', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    allowedOAuthFlowsUserPoolClient?: Optional<boolean>;
    @Expose({ name: 'AnalyticsConfiguration' })
    @Type(() => AnalyticsConfiguration)
    analyticsConfiguration?: Optional<AnalyticsConfiguration>;
    @Expose({ name: 'PreventUserExistenceErrors' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'preventUserExistenceErrors', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    preventUserExistenceErrors?: Optional<string>;
    @Expose({ name: 'EnableTokenRevocation' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'enableTokenRevocation', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    enableTokenRevocation?: Optional<boolean>;
    @Expose({ name: 'EnablePropagateAdditionalUserContextData' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'enablePropagateAdditionalUserContextData', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    enablePropagateAdditionalUserContextData?: Optional<boolean>;
    @Expose({ name: 'AuthSessionValidity' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Integer, 'authSessionValidity', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    authSessionValidity?: Optional<integer>;
    @Expose({ name: 'RefreshTokenRotation' })
    @Type(() => RefreshTokenRotation)
    refreshTokenRotation?: Optional<RefreshTokenRotation>;

    @Exclude()
    public getPrimaryIdentifier(): Dict | null {
        const identifier: Dict = {};
        if (this.userPoolId != null) {
            identifier[this.IDENTIFIER_KEY_USERPOOLID] = this.userPoolId;
        }
        if (this.clientId != null) {
            identifier[this.IDENTIFIER_KEY_CLIENTID] = this.clientId;
        }

        // only return the identifier if it can be used, i.e. if all components are present
        return Object.keys(identifier).length === 2 ? identifier : null;
    }

    @Exclude()
    public getAdditionalIdentifiers(): Array<Dict> | null {
        const identifiers: Array<Dict> = new Array<Dict>();
        // only return the identifiers if any can be used
        return identifiers.length === 0 ? null : identifiers;
    }
}

export class TokenValidityUnits extends BaseModel {
    ['constructor']!: typeof TokenValidityUnits;

    @Expose({ name: 'AccessToken' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'accessToken', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    accessToken?: Optional<string>;
    @Expose({ name: 'IdToken' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'idToken', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    idToken?: Optional<string>;
    @Expose({ name: 'RefreshToken' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'refreshToken', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    refreshToken?: Optional<string>;
}

export class AnalyticsConfiguration extends BaseModel {
    ['constructor']!: typeof AnalyticsConfiguration;

    @Expose({ name: 'ApplicationId' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'applicationId', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    applicationId?: Optional<string>;
    @Expose({ name: 'ApplicationArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'applicationArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    applicationArn?: Optional<string>;
    @Expose({ name: 'RoleArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'roleArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    roleArn?: Optional<string>;
    @Expose({ name: 'ExternalId' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'externalId', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    externalId?: Optional<string>;
    @Expose({ name: 'UserDataShared' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'userDataShared', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    userDataShared?: Optional<boolean>;
}

export class RefreshTokenRotation extends BaseModel {
    ['constructor']!: typeof RefreshTokenRotation;

    @Expose({ name: 'Feature' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'feature', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    feature?: Optional<string>;
    @Expose({ name: 'RetryGracePeriodSeconds' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Integer, 'retryGracePeriodSeconds', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    retryGracePeriodSeconds?: Optional<integer>;
}
