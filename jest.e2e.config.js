/** The end-to-end suite: a real n8n (installed and cached by test/e2e/runtime.ts) with the packed package. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testTimeout: 180_000,
	maxWorkers: 1,
};
