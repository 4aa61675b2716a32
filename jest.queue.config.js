/** n8n in queue mode (Redis, PostgreSQL, main, workers, webhook processor) with the packed package. */
const e2e = require('./jest.e2e.config');

/** @type {import('jest').Config} */
module.exports = {
	...e2e,
	testMatch: ['**/queue.e2e.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
};
