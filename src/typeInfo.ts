/** The resource type name, as registered. */
export const TYPE_NAME = 'Org::Cognito::UserPoolSettings';
/** Kept equal to package.json's version by a test; sent in the SDK user agent. */
export const TYPE_VERSION = '0.1.0';
