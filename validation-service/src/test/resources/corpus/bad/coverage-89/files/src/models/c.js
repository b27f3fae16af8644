'use strict';
module.exports = { name: 'c' };
