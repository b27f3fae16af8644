'use strict';
module.exports = { name: 'g' };
