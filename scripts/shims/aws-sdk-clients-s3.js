'use strict';
module.exports = require('./lazy-aws-sdk-v2-client')(() => require('aws-sdk/clients/s3.js'));
