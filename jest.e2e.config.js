/** The end-to-end suite: a real n8n (installed and cached by test/n8n/runtime.ts) with the packed package. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// queue mode has its own command (npm run test:e2e:queue, jest.queue.config.js)
	testPathIgnorePatterns: ['/node_modules/', '/queue\\.e2e\\.ts$'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testTimeout: 180_000,
	maxWorkers: 1,
};
