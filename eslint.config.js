import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const features = readdirSync('src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const browser = ['app', 'features', 'components', 'api', 'lib', 'test'];

// Browser code never imports the server (its tests may: they run against a real server in-process).
const browserZones = browser.map((folder) => ({
  target: `./src/${folder}`,
  from: './src/server',
  message: 'Browser code does not import the server.',
}));

/** The shape of the tree (see the README's Architecture): which folders may not import which. */
const zones = [
  // Features never import each other.
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature does not import another feature: move what both need to components/ui, api or lib.',
  })),
  // The contract imports nothing of ours.
  {
    target: './src/contract',
    from: './src',
    except: ['./contract'],
    message: 'The contract imports nothing of ours.',
  },
  // The lower layers do not reach up: contract, lib, components/ui → api → features → app.
  ...['lib', 'components', 'api'].map((folder) => ({
    target: `./src/${folder}`,
    from: ['./src/features', './src/app'],
    message: 'Imports flow one way: contract, lib, components/ui → api → features → app.',
  })),
  { target: './src/lib', from: './src/api', message: 'lib holds pure helpers; it does not import api.' },
  { target: './src/features', from: './src/app', message: 'Features do not import the app.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'reports', '.bench', 'test-results', 'playwright-report', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'src/test/**', '**/testing.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...zones, ...browserZones] }] },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use-*.ts', 'src/api/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/server/**', 'src/contract/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/app/*', '**/features/*', '**/api/*', 'react', 'react-dom'] }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'src/server/testing.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
