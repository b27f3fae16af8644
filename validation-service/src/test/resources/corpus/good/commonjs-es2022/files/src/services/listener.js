'use strict';
module.exports = function listen(emitter) {
  emitter.on('error', function () {});
  return emitter.catch?.(() => {});
};
