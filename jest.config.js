/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: [
    "<rootDir>/protocol",
    "<rootDir>/provider",
    "<rootDir>/sdk",
    "<rootDir>/emulator",
    "<rootDir>/test",
    "<rootDir>/scripts",
  ],
  testMatch: ["**/*.test.ts"],
  transform: {
    // isolatedModules: transpile only; `npm run typecheck` does the type checking once.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }],
  },
  // Sources import "./x.js" (nodenext); jest resolves those to the TypeScript file.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  moduleFileExtensions: ["ts", "js", "json"],
  testTimeout: 30000,
};
