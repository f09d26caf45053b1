/**
 * End-to-end suite in a real n8n (run through `node scripts/run-e2e.js (npm run test:e2e)`, which provisions n8n, builds and
 * packs the package first and passes the tarball in HIGHLOAD_E2E_TARBALL). Not part of `npm test`.
 */
const path = require('path');

module.exports = {
	rootDir: path.resolve(__dirname, '..', '..'),
	testEnvironment: 'node',
	// Only these folders are crawled (not .cache/, where n8n is provisioned).
	roots: ['<rootDir>/test/e2e', '<rootDir>/test/simulator'],
	testMatch: ['<rootDir>/test/e2e/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }],
	},
	testTimeout: 300000,
	maxWorkers: 1,
	verbose: true,
};
