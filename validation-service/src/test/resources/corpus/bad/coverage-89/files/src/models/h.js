'use strict';
module.exports = { name: 'h' };
