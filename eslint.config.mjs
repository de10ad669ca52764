import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", "cdktf.out.*/", "dist/", "coverage/", ".harness/", "docs/"] },
  ...tseslint.configs.recommended,
  // No rule here reads JSDoc as types (that is for type-aware linting of JavaScript): skipping its parse saves ~15% of lint.
  { languageOptions: { parserOptions: { jsDocParsingMode: "none" } } },
  {
    rules: {
      // The package root loads every one of ~1,500 resource classes: seconds and ~0.5 GB per process.
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@cdktf/provider-aws", message: "Import by deep path: @cdktf/provider-aws/lib/<resource>." }],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  { files: ["**/*.js", "**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
);
