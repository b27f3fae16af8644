'use strict';
const express = require('express');
const helmet = require('helmet');
module.exports = express().use(helmet());
