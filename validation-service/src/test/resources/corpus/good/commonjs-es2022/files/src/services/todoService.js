#!/usr/bin/env node
'use strict';
const pool = require('../db/pool');
const { NotFound } = require('../utils/errors');

class TodoService {
  #table = 'todos';
  static PAGE = 50;

  constructor(db = pool) {
    this.db = db;
  }

  async list({ limit, offset } = {}) {
    const size = limit ?? TodoService.PAGE;
    const { rows } = await this.db.query(`SELECT * FROM "${this.#table}" LIMIT $1 OFFSET $2`, [size, offset || 0]);
    return rows.map((r) => ({ ...r, tags: r.tags?.split(',') ?? [] }));
  }

  async get(id) {
    const { rows } = await this.db.query(`SELECT * FROM "${this.#table}" WHERE id = $1`, [id]);
    if (!rows[0]) throw new NotFound(`todo ${id}`);
    return rows[0];
  }
}

const noop = () => {};
process.on('warning', noop);
module.exports = { TodoService };
