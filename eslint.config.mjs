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
    // provider/ is the core both doors call: it never depends on a door (sdk/, native/, native-sdk/) or on cli/.
    files: ["provider/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/sdk", "**/sdk/**", "**/native", "**/native/**", "**/native-sdk", "**/native-sdk/**", "**/cli", "**/cli/**"],
              message: "provider/ is the core: it never imports a door (sdk/, native/, native-sdk/) or cli/",
            },
          ],
        },
      ],
    },
  },
  {
    // cli/ runs in the user's shell on the provider's code (settings, HTTP layer, field tables), never the program-side sdk/.
    files: ["cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/sdk", "**/sdk/**", "pulumi-sailpoint-isc"], message: "cli/ never imports sdk/" }] }],
    },
  },
  {
    // The native plugin is the second door onto provider/: it never loads the program-side classes or the commands.
    files: ["native/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/sdk", "**/sdk/**", "**/native-sdk", "**/native-sdk/**", "**/cli", "**/cli/**", "pulumi-sailpoint-isc"], message: "native/ depends on provider/ only" }] },
      ],
    },
  },
);
