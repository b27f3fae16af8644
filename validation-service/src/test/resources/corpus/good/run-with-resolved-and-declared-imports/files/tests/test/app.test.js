'use strict';
const request = require('supertest');
const { test } = require('node:test');
const { app } = require('../src/app.js');
test('up', async () => { await request(app).get('/health'); });
