import { folderLocator, sentAs } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import { records } from '../../output/results';
import { REMOTE_UPLOAD } from './resource';
import { sendAndWait } from './waitForCompletion';

export const addRemoteUpload = defineOperation({
	resource: REMOTE_UPLOAD,
	value: 'add',
	name: 'Add',
	action: 'Add a remote upload',
	description: 'Have Highload fetch a file from a URL into your account',
	endpoint: 'remotedl/add',
	checks: [
		{ query: 'url', label: 'URL', kind: 'url', required: true },
		{ query: 'folder', label: 'Folder', kind: 'folderId', required: false, field: 'folderId', createMissing: true },
	],
	subject: { kind: 'folder', query: 'folder' },
	fields: [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com/video.mp4',
			description: 'The http:// or https:// link Highload downloads the file from',
			routing: sentAs('url'),
		},
		{
			...folderLocator({
				name: 'folderId',
				displayName: 'Folder',
				required: false,
				description: 'The folder the file will land in; leave empty for the root folder',
			}),
			routing: sentAs('folder'),
		},
	],
	run: sendAndWait(records('remote upload', ['id'])),
});
