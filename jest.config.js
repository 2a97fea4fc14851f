/** Unit and component tests (jsdom by default; pure-logic and Node-side tests opt into `@jest-environment node`). */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/emulator', '<rootDir>/workbench'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx', '**/*.test.js'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }]
  },
  moduleNameMapper: {
    // Fluent UI ships ES modules under lib/ and CommonJS under lib-commonjs/; jest runs CommonJS.
    '^@fluentui/react/lib/(.*)$': '@fluentui/react/lib-commonjs/$1'
  },
  setupFilesAfterEnv: ['<rootDir>/src/testing/setupTests.ts'],
  testTimeout: 30000
};
