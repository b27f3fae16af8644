'use strict';

class TodoHandler {
  async list(req, res) {
    res.json(await this.service.list());
  }

  async create(req, res) {
    // create the todo
  }
}

module.exports = { TodoHandler };
