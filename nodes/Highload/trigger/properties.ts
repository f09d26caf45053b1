import type { INodeProperties } from 'n8n-workflow';

import { folderLocator, optionsCollection } from '../descriptions/fields';
import { triggerFiltersField } from '../descriptions/listingFilters';

const FILE_EVENTS = ['newFile', 'fileReady'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'newFile',
		options: [
			{
				name: 'File Ready to Stream',
				value: 'fileReady',
				description: "A file's conversion finished (its conversion status turned completed), or a file arrived already converted",
			},
			{
				name: 'New File',
				value: 'newFile',
				description: 'A file appeared in the folder: uploaded, remote-uploaded or moved in',
			},
			{
				name: 'Remote Upload Status Changed',
				value: 'remoteUploadChanged',
				description: "A remote upload's status changed ('pending', 'downloading', 'finished', 'error')",
			},
		],
	},
	{
		...folderLocator({ name: 'folderId', displayName: 'Folder', required: false, description: 'The folder to watch; leave empty for the root folder' }),
		displayOptions: { show: { event: FILE_EVENTS } },
	},
	{
		displayName: 'Include Subfolders',
		name: 'includeSubfolders',
		type: 'boolean',
		default: false,
		description: "Whether to watch all subfolders too; each item's path field tells where the file lies",
		displayOptions: { show: { event: FILE_EVENTS } },
	},
	{ ...triggerFiltersField, displayOptions: { show: { event: FILE_EVENTS } } },
	{
		displayName: 'Remote Upload IDs',
		name: 'remoteUploadIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 8ykqg0nkqxoh, oau6d7cbex8s',
		description:
			'The remote uploads to watch, separated by commas; leave empty for all remote uploads of the account (if Highload can list them)',
		displayOptions: { show: { event: ['remoteUploadChanged'] } },
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: [],
		description: 'Emit only changes to these statuses; leave empty for every change',
		options: [
			{ name: 'Downloading', value: 'downloading' },
			{ name: 'Error', value: 'error' },
			{ name: 'Finished', value: 'finished' },
			{ name: 'Pending', value: 'pending' },
		],
		displayOptions: { show: { event: ['remoteUploadChanged'] } },
	},
	optionsCollection([
		{
			displayName: 'Timeout (Milliseconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60000,
			description:
				'How long, in milliseconds, each request of a poll waits for Highload to answer (60000 = 1 minute); a poll that waits longer fails and the next one catches up',
		},
	]),
];
