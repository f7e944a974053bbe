import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Security promises from DEVELOPERS.md are enforced here, not only reviewed: no HTML from
// strings, no eval, and no network requests anywhere in the extension's own code.
const noHtmlFromStrings = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Build DOM nodes; never assign HTML strings.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build DOM nodes; never insert HTML strings.' },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'No document.write.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text; never set HTML.' },
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'bench/raw/', 'coverage/', 'reports/', '.stryker-tmp*/', 'bench/_probe/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...noHtmlFromStrings],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Groundwork sends nothing anywhere.' },
        { name: 'XMLHttpRequest', message: 'Groundwork sends nothing anywhere.' },
        { name: 'WebSocket', message: 'Groundwork sends nothing anywhere.' },
        { name: 'EventSource', message: 'Groundwork sends nothing anywhere.' },
      ],
    },
  },
);
