class NotFound extends Error {}
module.exports = { NotFound };
