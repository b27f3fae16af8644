const { NotFound } = require('../utils/errors');
module.exports = { NotFound };
