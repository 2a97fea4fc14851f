/** Unit and component tests (jsdom by default; pure-logic and Node-side tests opt into `@jest-environment node`). */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/emulator', '<rootDir>/workbench'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx', '**/*.test.js'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
    // pnpjs ships ES modules only; jest runs CommonJS, so its files are compiled like the project's.
    '^.+/node_modules/@pnp/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2019' }, isolatedModules: true }]
  },
  transformIgnorePatterns: ['/node_modules/(?!@pnp/)'],
  moduleNameMapper: {
    // Fluent UI ships ES modules under lib/ and CommonJS under lib-commonjs/; jest runs CommonJS.
    '^@fluentui/react/lib/(.*)$': '@fluentui/react/lib-commonjs/$1'
  },
  setupFilesAfterEnv: ['<rootDir>/test/support/setupTests.ts'],
  testTimeout: 30000
};
