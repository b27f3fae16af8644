'use strict';
module.exports = { name: 'a' };
