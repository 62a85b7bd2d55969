// @ts-check
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "examples/**/node_modules/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": "off",
    },
  },
  {
    // provider/ runs inside the dynamic-provider host and must never depend on the program-side sdk/.
    files: ["provider/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/sdk", "**/sdk/**"], message: "provider/ never imports sdk/" }] }],
    },
  },
  {
    // cli/ runs in the user's shell on the provider's code (settings, HTTP layer, field tables), never the program-side sdk/.
    files: ["cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/sdk", "**/sdk/**", "pulumi-sailpoint-isc"], message: "cli/ never imports sdk/" }] }],
    },
  },
);
