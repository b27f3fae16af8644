'use strict';
const Todo = require('../models/todo');
const { NotFound } = require('../utils/error');

module.exports = { list: () => Todo.all(), NotFound };
