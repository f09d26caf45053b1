import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { searchFolders } from './listSearch/searchFolders';
import { operationProperties } from './resources';
import { requestOptions } from './shared/requestOptions';

export class Highload implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Highload',
		name: 'highload',
		icon: { light: 'file:../../icons/highload.svg', dark: 'file:../../icons/highload.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage files, folders, remote uploads and conversions on Highload.to',
		defaults: { name: 'Highload' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'highloadApi', required: true }],
		// The base URL comes from the credential, checked, in each operation's preSend (shared/client.ts).
		// The envelope decides success (the API may mirror its status in HTTP or always answer 200): HTTP errors
		// reach our output hook, which maps them.
		requestDefaults: {
			ignoreHttpStatusErrors: true,
			json: true,
		},
		properties: [...operationProperties, requestOptions],
	};

	methods = {
		listSearch: { searchFolders },
	};
}
