import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { requestOptions } from './descriptions/requestOptions';
import { searchFolders } from './methods/searchFolders';
import { testHighloadCredential } from './transport/credentialTest';
import { operationProperties } from './resources';

export class Highload implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Highload',
		name: 'highload',
		icon: { light: 'file:../../icons/highload.svg', dark: 'file:../../icons/highload.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage files, folders, remote uploads and conversions on Highload.to, and start workflows when a file lands in a folder, finishes converting, or a remote upload changes status',
		documentationUrl: 'https://github.com/highload-n8n/n8n-nodes-highload#operations',
		defaults: { name: 'Highload' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'highloadApi', required: true, testedBy: 'testHighloadCredential' }],
		// Every operation sends through our own session (transport/session.ts): credential, Base URL, limits, retries.
		properties: [...operationProperties, requestOptions],
	};

	methods = {
		credentialTest: { testHighloadCredential },
		listSearch: { searchFolders },
	};
}
