'use strict';
module.exports = { name: 'd' };
