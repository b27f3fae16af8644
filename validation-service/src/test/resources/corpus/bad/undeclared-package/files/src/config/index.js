'use strict';
require('dotenv').config();
const path = require('node:path');

module.exports = { port: Number(process.env.PORT || 3000), root: path.resolve(__dirname, '..') };
