// This is a generated file. Modifications will be overwritten.
// Regenerate with `npm run generate` after changing schema.json.
import { BaseModel, Dict, integer, Integer, Optional, transformValue } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { Exclude, Expose, Type, Transform } from 'class-transformer';

export class ResourceModel extends BaseModel {
    ['constructor']!: typeof ResourceModel;

    @Exclude()
    public static readonly TYPE_NAME: string = 'Org::Cognito::UserPoolSettings';

    @Exclude()
    protected readonly IDENTIFIER_KEY_USERPOOLID: string = '/properties/UserPoolId';

    @Expose({ name: 'UserPoolId' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'userPoolId', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    userPoolId?: Optional<string>;
    @Expose({ name: 'Policies' })
    @Type(() => Policies)
    policies?: Optional<Policies>;
    @Expose({ name: 'DeletionProtection' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'deletionProtection', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    deletionProtection?: Optional<string>;
    @Expose({ name: 'LambdaConfig' })
    @Type(() => LambdaConfig)
    lambdaConfig?: Optional<LambdaConfig>;
    @Expose({ name: 'AutoVerifiedAttributes' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'autoVerifiedAttributes', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    autoVerifiedAttributes?: Optional<Array<string>>;
    @Expose({ name: 'VerificationMessageTemplate' })
    @Type(() => VerificationMessageTemplate)
    verificationMessageTemplate?: Optional<VerificationMessageTemplate>;
    @Expose({ name: 'SmsAuthenticationMessage' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'smsAuthenticationMessage', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    smsAuthenticationMessage?: Optional<string>;
    @Expose({ name: 'UserAttributeUpdateSettings' })
    @Type(() => UserAttributeUpdateSettings)
    userAttributeUpdateSettings?: Optional<UserAttributeUpdateSettings>;
    @Expose({ name: 'MfaConfiguration' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'mfaConfiguration', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    mfaConfiguration?: Optional<string>;
    @Expose({ name: 'DeviceConfiguration' })
    @Type(() => DeviceConfiguration)
    deviceConfiguration?: Optional<DeviceConfiguration>;
    @Expose({ name: 'EmailConfiguration' })
    @Type(() => EmailConfiguration)
    emailConfiguration?: Optional<EmailConfiguration>;
    @Expose({ name: 'SmsConfiguration' })
    @Type(() => SmsConfiguration)
    smsConfiguration?: Optional<SmsConfiguration>;
    @Expose({ name: 'UserPoolTags' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'userPoolTags', value, obj, [Map]),
        {
            toClassOnly: true,
        }
    )
    userPoolTags?: Optional<Map<string, string>>;
    @Expose({ name: 'AdminCreateUserConfig' })
    @Type(() => AdminCreateUserConfig)
    adminCreateUserConfig?: Optional<AdminCreateUserConfig>;
    @Expose({ name: 'UserPoolAddOns' })
    @Type(() => UserPoolAddOns)
    userPoolAddOns?: Optional<UserPoolAddOns>;
    @Expose({ name: 'AccountRecoverySetting' })
    @Type(() => AccountRecoverySetting)
    accountRecoverySetting?: Optional<AccountRecoverySetting>;
    @Expose({ name: 'UserPoolTier' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'userPoolTier', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    userPoolTier?: Optional<string>;
    @Expose({ name: 'SoftwareTokenMfaConfiguration' })
    @Type(() => SoftwareTokenMfaConfiguration)
    softwareTokenMfaConfiguration?: Optional<SoftwareTokenMfaConfiguration>;
    @Expose({ name: 'EmailMfaConfiguration' })
    @Type(() => EmailMfaConfiguration)
    emailMfaConfiguration?: Optional<EmailMfaConfiguration>;
    @Expose({ name: 'SmsMfaConfiguration' })
    @Type(() => SmsMfaConfiguration)
    smsMfaConfiguration?: Optional<SmsMfaConfiguration>;
    @Expose({ name: 'WebAuthnConfiguration' })
    @Type(() => WebAuthnConfiguration)
    webAuthnConfiguration?: Optional<WebAuthnConfiguration>;
    @Expose({ name: 'PoolName' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'poolName', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    poolName?: Optional<string>;
    @Expose({ name: 'UsernameAttributes' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'usernameAttributes', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    usernameAttributes?: Optional<Array<string>>;
    @Expose({ name: 'AliasAttributes' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'aliasAttributes', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    aliasAttributes?: Optional<Array<string>>;
    @Expose({ name: 'UsernameConfiguration' })
    @Type(() => UsernameConfiguration)
    usernameConfiguration?: Optional<UsernameConfiguration>;
    @Expose({ name: 'Schema' })
    @Type(() => SchemaAttribute)
    schema?: Optional<Array<SchemaAttribute>>;

    @Exclude()
    public getPrimaryIdentifier(): Dict | null {
        const identifier: Dict = {};
        if (this.userPoolId != null) {
            identifier[this.IDENTIFIER_KEY_USERPOOLID] = this.userPoolId;
        }

        // only return the identifier if it can be used, i.e. if all components are present
        return Object.keys(identifier).length === 1 ? identifier : null;
    }

    @Exclude()
    public getAdditionalIdentifiers(): Array<Dict> | null {
        const identifiers: Array<Dict> = new Array<Dict>();
        // only return the identifiers if any can be used
        return identifiers.length === 0 ? null : identifiers;
    }
}

export class Policies extends BaseModel {
    ['constructor']!: typeof Policies;

    @Expose({ name: 'PasswordPolicy' })
    @Type(() => PasswordPolicy)
    passwordPolicy?: Optional<PasswordPolicy>;
    @Expose({ name: 'SignInPolicy' })
    @Type(() => SignInPolicy)
    signInPolicy?: Optional<SignInPolicy>;
}

export class LambdaConfig extends BaseModel {
    ['constructor']!: typeof LambdaConfig;

    @Expose({ name: 'PreSignUp' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'preSignUp', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    preSignUp?: Optional<string>;
    @Expose({ name: 'CustomMessage' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'customMessage', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    customMessage?: Optional<string>;
    @Expose({ name: 'PostConfirmation' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'postConfirmation', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    postConfirmation?: Optional<string>;
    @Expose({ name: 'PreAuthentication' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'preAuthentication', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    preAuthentication?: Optional<string>;
    @Expose({ name: 'PostAuthentication' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'postAuthentication', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    postAuthentication?: Optional<string>;
    @Expose({ name: 'DefineAuthChallenge' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'defineAuthChallenge', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    defineAuthChallenge?: Optional<string>;
    @Expose({ name: 'CreateAuthChallenge' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'createAuthChallenge', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    createAuthChallenge?: Optional<string>;
    @Expose({ name: 'VerifyAuthChallengeResponse' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'verifyAuthChallengeResponse', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    verifyAuthChallengeResponse?: Optional<string>;
    @Expose({ name: 'PreTokenGeneration' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'preTokenGeneration', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    preTokenGeneration?: Optional<string>;
    @Expose({ name: 'UserMigration' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'userMigration', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    userMigration?: Optional<string>;
    @Expose({ name: 'PreTokenGenerationConfig' })
    @Type(() => PreTokenGenerationConfig)
    preTokenGenerationConfig?: Optional<PreTokenGenerationConfig>;
    @Expose({ name: 'CustomSMSSender' })
    @Type(() => CustomSenderConfig)
    customSMSSender?: Optional<CustomSenderConfig>;
    @Expose({ name: 'CustomEmailSender' })
    @Type(() => CustomSenderConfig)
    customEmailSender?: Optional<CustomSenderConfig>;
    @Expose({ name: 'KMSKeyID' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'kMSKeyID', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    kMSKeyID?: Optional<string>;
    @Expose({ name: 'InboundFederation' })
    @Type(() => InboundFederationConfig)
    inboundFederation?: Optional<InboundFederationConfig>;
}

export class VerificationMessageTemplate extends BaseModel {
    ['constructor']!: typeof VerificationMessageTemplate;

    @Expose({ name: 'SmsMessage' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'smsMessage', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    smsMessage?: Optional<string>;
    @Expose({ name: 'EmailMessage' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'emailMessage', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    emailMessage?: Optional<string>;
    @Expose({ name: 'EmailSubject' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'emailSubject', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    emailSubject?: Optional<string>;
    @Expose({ name: 'EmailMessageByLink' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'emailMessageByLink', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    emailMessageByLink?: Optional<string>;
    @Expose({ name: 'EmailSubjectByLink' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'emailSubjectByLink', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    emailSubjectByLink?: Optional<string>;
    @Expose({ name: 'DefaultEmailOption' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'defaultEmailOption', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    defaultEmailOption?: Optional<string>;
}

export class UserAttributeUpdateSettings extends BaseModel {
    ['constructor']!: typeof UserAttributeUpdateSettings;

    @Expose({ name: 'AttributesRequireVerificationBeforeUpdate' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'attributesRequireVerificationBeforeUpdate', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    attributesRequireVerificationBeforeUpdate?: Optional<Array<string>>;
}

export class DeviceConfiguration extends BaseModel {
    ['constructor']!: typeof DeviceConfiguration;

    @Expose({ name: 'ChallengeRequiredOnNewDevice' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'challengeRequiredOnNewDevice', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    challengeRequiredOnNewDevice?: Optional<boolean>;
    @Expose({ name: 'DeviceOnlyRememberedOnUserPrompt' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'deviceOnlyRememberedOnUserPrompt', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    deviceOnlyRememberedOnUserPrompt?: Optional<boolean>;
}

export class EmailConfiguration extends BaseModel {
    ['constructor']!: typeof EmailConfiguration;

    @Expose({ name: 'SourceArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'sourceArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    sourceArn?: Optional<string>;
    @Expose({ name: 'ReplyToEmailAddress' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'replyToEmailAddress', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    replyToEmailAddress?: Optional<string>;
    @Expose({ name: 'EmailSendingAccount' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'emailSendingAccount', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    emailSendingAccount?: Optional<string>;
    @Expose({ name: 'From' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'from', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    from?: Optional<string>;
    @Expose({ name: 'ConfigurationSet' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'configurationSet', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    configurationSet?: Optional<string>;
}

export class SmsConfiguration extends BaseModel {
    ['constructor']!: typeof SmsConfiguration;

    @Expose({ name: 'SnsCallerArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'snsCallerArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    snsCallerArn?: Optional<string>;
    @Expose({ name: 'ExternalId' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'externalId', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    externalId?: Optional<string>;
    @Expose({ name: 'SnsRegion' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'snsRegion', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    snsRegion?: Optional<string>;
    @Expose({ name: 'EumsSms' })
    @Type(() => EumsSmsConfiguration)
    eumsSms?: Optional<EumsSmsConfiguration>;
}

export class AdminCreateUserConfig extends BaseModel {
    ['constructor']!: typeof AdminCreateUserConfig;

    @Expose({ name: 'AllowAdminCreateUserOnly' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'allowAdminCreateUserOnly', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    allowAdminCreateUserOnly?: Optional<boolean>;
    @Expose({ name: 'InviteMessageTemplate' })
    @Type(() => MessageTemplate)
    inviteMessageTemplate?: Optional<MessageTemplate>;
}

export class UserPoolAddOns extends BaseModel {
    ['constructor']!: typeof UserPoolAddOns;

    @Expose({ name: 'AdvancedSecurityMode' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'advancedSecurityMode', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    advancedSecurityMode?: Optional<string>;
    @Expose({ name: 'AdvancedSecurityAdditionalFlows' })
    @Type(() => UserPoolAddOnsAdvancedSecurityAdditionalFlows)
    advancedSecurityAdditionalFlows?: Optional<UserPoolAddOnsAdvancedSecurityAdditionalFlows>;
}

export class AccountRecoverySetting extends BaseModel {
    ['constructor']!: typeof AccountRecoverySetting;

    @Expose({ name: 'RecoveryMechanisms' })
    @Type(() => RecoveryOption)
    recoveryMechanisms?: Optional<Array<RecoveryOption>>;
}

export class SoftwareTokenMfaConfiguration extends BaseModel {
    ['constructor']!: typeof SoftwareTokenMfaConfiguration;

    @Expose({ name: 'Enabled' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'enabled', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    enabled?: Optional<boolean>;
}

export class EmailMfaConfiguration extends BaseModel {
    ['constructor']!: typeof EmailMfaConfiguration;

    @Expose({ name: 'Message' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'message', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    message?: Optional<string>;
    @Expose({ name: 'Subject' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'subject', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    subject?: Optional<string>;
}

export class SmsMfaConfiguration extends BaseModel {
    ['constructor']!: typeof SmsMfaConfiguration;

    @Expose({ name: 'SmsAuthenticationMessage' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'smsAuthenticationMessage', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    smsAuthenticationMessage?: Optional<string>;
    @Expose({ name: 'SmsConfiguration' })
    @Type(() => SmsConfiguration)
    smsConfiguration?: Optional<SmsConfiguration>;
}

export class WebAuthnConfiguration extends BaseModel {
    ['constructor']!: typeof WebAuthnConfiguration;

    @Expose({ name: 'RelyingPartyId' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'relyingPartyId', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    relyingPartyId?: Optional<string>;
    @Expose({ name: 'UserVerification' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'userVerification', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    userVerification?: Optional<string>;
    @Expose({ name: 'FactorConfiguration' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'factorConfiguration', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    factorConfiguration?: Optional<string>;
}

export class UsernameConfiguration extends BaseModel {
    ['constructor']!: typeof UsernameConfiguration;

    @Expose({ name: 'CaseSensitive' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'caseSensitive', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    caseSensitive?: Optional<boolean>;
}

export class SchemaAttribute extends BaseModel {
    ['constructor']!: typeof SchemaAttribute;

    @Expose({ name: 'Name' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'name', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    name?: Optional<string>;
    @Expose({ name: 'AttributeDataType' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'attributeDataType', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    attributeDataType?: Optional<string>;
    @Expose({ name: 'DeveloperOnlyAttribute' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'developerOnlyAttribute', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    developerOnlyAttribute?: Optional<boolean>;
    @Expose({ name: 'Mutable' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'mutable', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    mutable?: Optional<boolean>;
    @Expose({ name: 'Required' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'required', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    required?: Optional<boolean>;
    @Expose({ name: 'NumberAttributeConstraints' })
    @Type(() => SchemaAttributeNumberAttributeConstraints)
    numberAttributeConstraints?: Optional<SchemaAttributeNumberAttributeConstraints>;
    @Expose({ name: 'StringAttributeConstraints' })
    @Type(() => SchemaAttributeStringAttributeConstraints)
    stringAttributeConstraints?: Optional<SchemaAttributeStringAttributeConstraints>;
}

export class PasswordPolicy extends BaseModel {
    ['constructor']!: typeof PasswordPolicy;

    @Expose({ name: 'MinimumLength' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Integer, 'minimumLength', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    minimumLength?: Optional<integer>;
    @Expose({ name: 'RequireUppercase' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'requireUppercase', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    requireUppercase?: Optional<boolean>;
    @Expose({ name: 'RequireLowercase' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'requireLowercase', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    requireLowercase?: Optional<boolean>;
    @Expose({ name: 'RequireNumbers' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'requireNumbers', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    requireNumbers?: Optional<boolean>;
    @Expose({ name: 'RequireSymbols' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'requireSymbols', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    requireSymbols?: Optional<boolean>;
    @Expose({ name: 'PasswordHistorySize' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Integer, 'passwordHistorySize', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    passwordHistorySize?: Optional<integer>;
    @Expose({ name: 'TemporaryPasswordValidityDays' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Integer, 'temporaryPasswordValidityDays', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    temporaryPasswordValidityDays?: Optional<integer>;
}

export class SignInPolicy extends BaseModel {
    ['constructor']!: typeof SignInPolicy;

    @Expose({ name: 'AllowedFirstAuthFactors' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'allowedFirstAuthFactors', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    allowedFirstAuthFactors?: Optional<Array<string>>;
}

export class PreTokenGenerationConfig extends BaseModel {
    ['constructor']!: typeof PreTokenGenerationConfig;

    @Expose({ name: 'LambdaVersion' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'lambdaVersion', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    lambdaVersion?: Optional<string>;
    @Expose({ name: 'LambdaArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'lambdaArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    lambdaArn?: Optional<string>;
}

export class CustomSenderConfig extends BaseModel {
    ['constructor']!: typeof CustomSenderConfig;

    @Expose({ name: 'LambdaVersion' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'lambdaVersion', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    lambdaVersion?: Optional<string>;
    @Expose({ name: 'LambdaArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'lambdaArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    lambdaArn?: Optional<string>;
}

export class InboundFederationConfig extends BaseModel {
    ['constructor']!: typeof InboundFederationConfig;

    @Expose({ name: 'LambdaVersion' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'lambdaVersion', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    lambdaVersion?: Optional<string>;
    @Expose({ name: 'LambdaArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'lambdaArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    lambdaArn?: Optional<string>;
}

export class EumsSmsConfiguration extends BaseModel {
    ['constructor']!: typeof EumsSmsConfiguration;

    @Expose({ name: 'CallerArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'callerArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    callerArn?: Optional<string>;
    @Expose({ name: 'ExternalId' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'externalId', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    externalId?: Optional<string>;
    @Expose({ name: 'OriginationIdentity' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'originationIdentity', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    originationIdentity?: Optional<string>;
    @Expose({ name: 'ConfigurationSetName' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'configurationSetName', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    configurationSetName?: Optional<string>;
    @Expose({ name: 'InEntityId' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'inEntityId', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    inEntityId?: Optional<string>;
    @Expose({ name: 'InTemplateId' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'inTemplateId', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    inTemplateId?: Optional<string>;
    @Expose({ name: 'Region' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'region', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    region?: Optional<string>;
}

export class MessageTemplate extends BaseModel {
    ['constructor']!: typeof MessageTemplate;

    @Expose({ name: 'SMSMessage' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'sMSMessage', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    sMSMessage?: Optional<string>;
    @Expose({ name: 'EmailMessage' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'emailMessage', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    emailMessage?: Optional<string>;
    @Expose({ name: 'EmailSubject' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'emailSubject', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    emailSubject?: Optional<string>;
}

export class UserPoolAddOnsAdvancedSecurityAdditionalFlows extends BaseModel {
    ['constructor']!: typeof UserPoolAddOnsAdvancedSecurityAdditionalFlows;

    @Expose({ name: 'CustomAuthMode' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'customAuthMode', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    customAuthMode?: Optional<string>;
}

export class RecoveryOption extends BaseModel {
    ['constructor']!: typeof RecoveryOption;

    @Expose({ name: 'Name' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'name', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    name?: Optional<string>;
    @Expose({ name: 'Priority' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Integer, 'priority', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    priority?: Optional<integer>;
}

export class SchemaAttributeNumberAttributeConstraints extends BaseModel {
    ['constructor']!: typeof SchemaAttributeNumberAttributeConstraints;

    @Expose({ name: 'MinValue' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'minValue', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    minValue?: Optional<string>;
    @Expose({ name: 'MaxValue' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'maxValue', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    maxValue?: Optional<string>;
}

export class SchemaAttributeStringAttributeConstraints extends BaseModel {
    ['constructor']!: typeof SchemaAttributeStringAttributeConstraints;

    @Expose({ name: 'MinLength' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'minLength', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    minLength?: Optional<string>;
    @Expose({ name: 'MaxLength' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'maxLength', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    maxLength?: Optional<string>;
}
