// The lib requires aws-sdk v2 clients at load time for its own log delivery and metrics
// (CloudWatch Logs, CloudWatch, and an S3 bucket it would create in the account). This
// type's entrypoint replaces that path (engine/runtime), so the bundle ships none
// of them; constructing one is a bug, and says so.
'use strict';
module.exports = function UnusedAwsSdkV2Client() {
  throw new Error('aws-sdk v2 clients are not bundled: provider telemetry goes through engine/runtime');
};
