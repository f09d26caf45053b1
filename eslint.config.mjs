// n8n's verification rules for community packages: the same rulesets n8n's scanner and `n8n-node lint` apply.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', 'bench/**', 'examples/**', '.cache/**'] },
	n8nCommunityNodesPlugin.configs.recommended,
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{ files: ['**/*.ts'], languageOptions: { parser: tsParser } },
	{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
	{ rules: { 'no-console': 'error' } },
	{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Community packages link their own documentation, not docs.n8n.io.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// Superseded by @n8n/community-nodes/credential-password-field.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// Highload pages at 200 items: a maxValue on limits mirrors the API.
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
];
