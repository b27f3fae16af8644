'use strict';
module.exports = { table: 'todos' };
