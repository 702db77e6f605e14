/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/engine', '<rootDir>/client-settings/src', '<rootDir>/test'],
  // Tests are *.test.ts; a type's spec.ts is code, not a test.
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  setupFiles: ['<rootDir>/test/support/quietEnvironment.js'],
  testTimeout: 60_000,
  // Output is for people: failures and the summary, not a line per passing file.
  reporters: [['summary', { summaryThreshold: 0 }], '<rootDir>/test/support/summaryReporter.js'],
};
