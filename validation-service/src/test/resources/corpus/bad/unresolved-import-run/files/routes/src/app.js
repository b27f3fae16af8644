const express = require('express');
const routes = require('./routes');
module.exports = express().use(routes);
