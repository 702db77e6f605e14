// The lib requires aws-sdk v2 clients at load time but uses them only when CloudFormation
// passes provider credentials for log delivery and metrics. Deferring the require until
// the first `new` keeps their load cost (most of a cold start) off invocations that do not.
'use strict';
module.exports = function lazyAwsSdkV2Client(loadClient) {
  return function LazyAwsSdkV2Client(options) {
    const Client = loadClient();
    return new Client(options);
  };
};
