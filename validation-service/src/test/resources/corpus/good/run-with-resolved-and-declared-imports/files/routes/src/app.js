'use strict';
const express = require('express');
const routes = require('./routes');
const http = require('node:http');
module.exports = { app: express().use(routes), http };
