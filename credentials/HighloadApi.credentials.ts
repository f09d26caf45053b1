import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	DEFAULT_BASE_URL,
	INSECURE_BASE_URL_MESSAGE,
	INSECURE_BASE_URL_PATTERN,
	SECURE_BASE_URL_EXPRESSION,
} from '../nodes/Highload/transport/baseUrl';

/** Envelope statuses the test request can meet, with what the user should do about each. */
const FAILED_TEST_MESSAGES: Array<[number, string]> = [
	[400, 'Highload rejected the request as malformed (status 400). Check the Base URL.'],
	[403, 'Highload refused the API Login or API Key (status 403). Copy both again from the Account tab of the Highload user panel.'],
	[404, 'Highload does not know this account endpoint (status 404). Check the Base URL.'],
	[451, 'Highload blocked this account for legal reasons (status 451).'],
	[509, 'Highload is over its bandwidth limit right now (status 509). Try again later.'],
	[500, 'Highload had a server error (status 500). Try again later.'],
	[502, 'Highload had a server error (status 502). Try again later.'],
	[503, 'Highload had a server error (status 503). Try again later.'],
];

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
			description: 'The API Login from the Account tab of the Highload user panel',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API Key (API Password) from the Account tab of the Highload user panel',
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

	// The envelope, not the HTTP status, says whether the login worked (the API may answer 200 with
	// status 403 inside), so HTTP errors are let through and the rules read the envelope.
	test: ICredentialTestRequest = {
		request: {
			baseURL: SECURE_BASE_URL_EXPRESSION,
			url: '/account/info',
			ignoreHttpStatusErrors: true,
		},
		rules: FAILED_TEST_MESSAGES.flatMap(([status, message]) => [
			{ type: 'responseSuccessBody' as const, properties: { key: 'status', value: status, message } },
			{ type: 'responseSuccessBody' as const, properties: { key: 'status', value: String(status), message } },
		]),
	};
}
