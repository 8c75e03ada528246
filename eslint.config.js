// Lint: typescript-eslint and eslint-plugin-svelte, plus the layers of DESIGN.md as import rules (data flows one way:
// model ← scenario ← runner ← ui; the model imports nothing above it, the runner never imports the worker module,
// and tools (cli, bench, scripts, tools/: the browser harness shared by the tests and the benchmarks) never import
// tests).
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const above = (...dirs) =>
  dirs.map((d) => ({
    group: [`**/${d}/*`, `**/${d}`],
    message: `This layer may not import ${d}/ (see CONTRIBUTING.md).`,
  }));

export default ts.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  layer(
    ['src/model/**'],
    [
      ...above('scenario', 'runner', 'ui', 'i18n', 'export', 'workers'),
      { group: ['svelte', 'svelte/*', 'comlink'], message: 'The model is pure: no Svelte, no comlink.' },
    ],
  ),
  layer(['src/data/**'], above('model', 'scenario', 'runner', 'ui', 'i18n', 'export', 'workers')),
  layer(['src/i18n/**'], above('scenario', 'runner', 'ui', 'export', 'workers')),
  layer(['src/scenario/**'], above('runner', 'ui', 'export', 'workers')),
  layer(['src/export/**'], above('runner', 'ui', 'workers')),
  layer(['src/runner/**'], above('ui', 'workers')),
  layer(['workers/**'], above('ui')),
  layer(['cli/**', 'bench/**', 'scripts/**', 'tools/**'], above('tests', 'ui')),
);
