// The lib loads `aws-sdk/clients/all` (every v2 client) only for by-name lookups that
// neither it nor this type makes.
'use strict';
module.exports = {};
