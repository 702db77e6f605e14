/** The resource type name, as registered. */
export const TYPE_NAME = 'Org::Cognito::UserPoolSettings';
/** The app client type's name, as registered. */
export const CLIENT_TYPE_NAME = 'Org::Cognito::UserPoolClientSettings';
/** Kept equal to package.json's version by a test; sent in the SDK user agent. Both types share it. */
export const TYPE_VERSION = '0.1.0';
