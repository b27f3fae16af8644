'use strict';
module.exports = { name: 'b' };
