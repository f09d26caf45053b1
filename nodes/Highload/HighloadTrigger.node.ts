import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { searchFolders } from './methods/searchFolders';
import { testHighloadCredential } from './transport/credentialTest';
import { pollHighload } from './trigger/poll';
import { triggerProperties } from './trigger/properties';

export class HighloadTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Highload Trigger',
		name: 'highloadTrigger',
		icon: { light: 'file:../../icons/highload.svg', dark: 'file:../../icons/highload.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		// n8n's node panel shows one Highload entry for the pair, with the trigger's description: it speaks for both.
		description:
			'Manage files, folders, remote uploads and conversions on Highload.to, and start workflows when a file lands in a folder, finishes converting, or a remote upload changes status',
		documentationUrl: 'https://github.com/highload-n8n/n8n-nodes-highload#highload-trigger',
		defaults: { name: 'Highload Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'highloadApi', required: true, testedBy: 'testHighloadCredential' }],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { testHighloadCredential },
		listSearch: { searchFolders },
	};

	poll = pollHighload;
}
