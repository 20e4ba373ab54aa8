// One lint configuration for the whole tree: extension (entrypoints, components, utils), server, console,
// scripts and tests. Type-aware (typescript-eslint reads the one tsconfig.json), so it catches what the
// compiler cannot: promises nobody awaits or catches. Run by `npm run lint` and at the start of `npm test`.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import unitFiles from './tests/unit-files.json' with { type: 'json' };

const inOperatorRule = {
  selector: "BinaryExpression[operator='in'][left.type!='Literal']",
  message: 'Use Object.hasOwn(object, key) for a key that is not a literal: `in` also finds inherited properties.',
};

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', '.tmp/', '.data/', 'node_modules/', 'console/dist/', 'bench-results/', 'tests/e2e/.profiles/'] },
  {
    // The few plain JavaScript files (this one, scripts/summarise-tests.mjs): the rules that need no types.
    files: ['**/*.{js,mjs}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { 'no-unused-vars': 'error', 'no-duplicate-imports': 'error', 'no-unreachable': 'error' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'react-hooks': reactHooks },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused code: locals, parameters, imports. A parameter kept for its position starts with `_`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      'no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      'no-unreachable': 'error',
      // One import line per module (a separate `import type` line is allowed).
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      // A promise must be awaited, returned, caught, or marked `void` on purpose (fire-and-forget).
      '@typescript-eslint/no-floating-promises': 'error',
      // Keys from outside (messages, storage, JSON, URLs) must not reach `key in object`, which is also true for
      // inherited names ("constructor", "__proto__"). Check own properties with Object.hasOwn(object, key).
      // A literal key ('missing' in result) is the programmer's own and narrows a union type: allowed.
      // Preact's hooks follow React's rules (same names, same call-order contract).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-syntax': ['error', inOperatorRule],
    },
  },
  {
    // Unit files share one module graph (vitest.config.ts): a module replaced in one file would leak into others.
    files: unitFiles.all,
    ignores: unitFiles.mocking,
    rules: {
      'no-restricted-syntax': [
        'error',
        inOperatorRule,
        {
          selector: "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock)$/]",
          message: 'Unit files share one module graph: list a file that mocks a module under "mocking" in tests/unit-files.json.',
        },
      ],
    },
  },
);
