// Flat config: typescript-eslint's recommended rules over the TypeScript sources.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "examples/**/node_modules/**",
      "bench/results/**",
      "bench/.work/**",
      "dist-bench/**",
      // Generated from the package schema by Pulumi's generators (npm run sdks); CI checks them against the schema.
      "sdks/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        exports: "writable",
        process: "readonly",
        console: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        Buffer: "readonly",
        URL: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // One import-specifier style: relative imports name the file nodenext loads ("./x.js", "../schema.json").
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value=/^\\.{1,2}\\/(?!.*\\.(js|json)$)/]",
          message: 'Relative imports end in ".js" (or ".json"), as nodenext resolves them.',
        },
        {
          selector: "ExportNamedDeclaration[source.value=/^\\.{1,2}\\/(?!.*\\.(js|json)$)/]",
          message: 'Relative re-exports end in ".js", as nodenext resolves them.',
        },
        {
          selector: "ExportAllDeclaration[source.value=/^\\.{1,2}\\/(?!.*\\.(js|json)$)/]",
          message: 'Relative re-exports end in ".js", as nodenext resolves them.',
        },
      ],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
);
