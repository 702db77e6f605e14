// Every SDK client of a handler is built with the credentials CloudFormation passes
// (the caller's, or the provider's for telemetry); the SDK's default credential chain
// (environment, profiles, SSO, instance metadata, and the STS and SSO clients it carries)
// is never consulted, so the bundle ships none of it. Reaching it is a bug, and says so.
'use strict';
exports.defaultProvider = () => async () => {
  throw new Error('the default credential chain is not bundled: handlers use the credentials in the request');
};
