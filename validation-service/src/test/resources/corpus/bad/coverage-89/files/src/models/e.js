'use strict';
module.exports = { name: 'e' };
