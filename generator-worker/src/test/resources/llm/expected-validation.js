'use strict';

const { NotFoundError } = require('./errors');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireUuid(value) {
  if (!UUID.test(value)) {
    throw new NotFoundError(`no record ${value}`);
  }
  return value;
}

module.exports = { requireUuid };
