// The lib loads a String.prototype.replaceAll polyfill (and es-abstract behind it) for
// runtimes that predate it; Node 15+ has it natively.
'use strict';
module.exports = function replaceAll(string, searchValue, replaceValue) {
  return String.prototype.replaceAll.call(string, searchValue, replaceValue);
};
