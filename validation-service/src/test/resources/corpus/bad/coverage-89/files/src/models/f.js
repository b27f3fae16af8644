'use strict';
module.exports = { name: 'f' };
