import type { IAuthenticateGeneric, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { DEFAULT_BASE_URL, INSECURE_BASE_URL_MESSAGE, INSECURE_BASE_URL_PATTERN } from '../nodes/Highload/transport/baseUrl';

export class HighloadApi implements ICredentialType {
	name = 'highloadApi';

	displayName = 'Highload API';

	icon: Icon = { light: 'file:../icons/highload.svg', dark: 'file:../icons/highload.dark.svg' };

	documentationUrl = 'https://github.com/highload-n8n/n8n-nodes-highload#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description: "The API login from the 'Account' tab of the Highload user panel",
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "The API key (API password) from the 'Account' tab of the Highload user panel",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Address of the Highload API. Must be https:// (http:// only for localhost, e.g. a local sandbox).',
		},
		{
			// Shown as the user types: the node and the test refuse such a URL before sending anything.
			displayName: INSECURE_BASE_URL_MESSAGE,
			name: 'insecureBaseUrlNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { baseUrl: [{ _cnd: { regex: INSECURE_BASE_URL_PATTERN } }] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: {
				login: '={{$credentials.login}}',
				key: '={{$credentials.apiKey}}',
			},
		},
	};

	// The dialog's Test runs the nodes' `testHighloadCredential` (nodes/Highload/transport/credentialTest.ts): it
	// applies the Base URL rule and the redirect policy, reads the envelope, and says what to do.
}
