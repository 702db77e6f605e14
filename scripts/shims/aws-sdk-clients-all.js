// The lib loads `aws-sdk/clients/all` (every v2 client) only for by-name lookups that
// neither it nor this type makes. The bundle ships the three clients its log delivery
// and metrics use, each loaded on first use.
'use strict';
module.exports = {
  CloudWatch: require('aws-sdk/clients/cloudwatch'),
  CloudWatchLogs: require('aws-sdk/clients/cloudwatchlogs'),
  S3: require('aws-sdk/clients/s3'),
};
