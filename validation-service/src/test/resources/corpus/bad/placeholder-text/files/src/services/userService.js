'use strict';

async function findUser(id) {
  if (!id) return null;
  // TODO: implement the lookup
  return { id };
}

module.exports = { findUser };
