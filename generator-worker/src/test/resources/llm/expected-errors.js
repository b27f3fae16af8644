'use strict';

class NotFoundError extends Error {
  constructor(message = 'not found') {
    super(message);
    this.status = 404;
  }
}

module.exports = { NotFoundError };
