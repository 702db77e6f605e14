// The lib loads aws-sdk v2 when tests import it unbundled; its end-of-support notice
// says nothing about this project's code.
'use strict';
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
