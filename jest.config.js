/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/provider", "<rootDir>/sdk", "<rootDir>/emulator", "<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // isolatedModules: transpile only; `npm run typecheck` does the type checking once.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }],
  },
  moduleFileExtensions: ["ts", "js", "json"],
  testTimeout: 30000,
};
