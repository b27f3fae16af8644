'use strict';
const path = require('node:path');
const fs = require('fs/promises');
const crypto = require('crypto');
const { test } = require('node:test');
const lib = require('@scope/lib/sub/path');
const self = require('todo-api/package.json');

module.exports = { path, fs, crypto, test, lib, self, port: 3000 };
