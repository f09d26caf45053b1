// ESLint for the code that never ships (test/, scripts/, bench/): each of those folders has an eslint.config.mjs
// re-exporting this file, found by ESLint's file-based config lookup (see CONTRIBUTING.md, "Lint"). The node rules of
// the root eslint.config.mjs (n8n's template) forbid what tests and tools must do — Node built-ins, timers, process,
// console — so they apply to nodes/, credentials/ and package.json only; this keeps the general JavaScript and
// TypeScript rules for the rest.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['**/.tmp/**', '**/screenshots/**'] },
	{
		files: ['**/*.{js,mjs,cjs,ts}'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: {
			// Tests and tools read n8n's and the simulator's untyped internals; callbacks keep the parameters of their signature.
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { args: 'none', varsIgnorePattern: '^_' }],
			'@typescript-eslint/no-this-alias': ['error', { allowedNames: ['engine'] }],
			// Best-effort clean-up (kill a process group, remove a temp folder) ignores its failure on purpose.
			'no-empty': ['error', { allowEmptyCatch: true }],
			// Tests assert the bytes on the wire, control characters included.
			'no-control-regex': 'off',
		},
	},
	{
		files: ['**/*.{js,cjs}'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
);
