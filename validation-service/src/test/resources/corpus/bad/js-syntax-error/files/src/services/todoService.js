'use strict';

class TodoService {
  async list(limit) {
    const rows = await this.db.query('SELECT * FROM todos LIMIT $1', [limit]);
    return rows.map((r) => ({ id: r.id, title: r.title });
  }
}

module.exports = { TodoService };
