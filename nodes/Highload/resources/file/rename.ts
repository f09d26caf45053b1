import { defineOperation } from '../../descriptions/operation';
import { sent, success } from '../../output/results';
import { FILE, fileCheck, fileSubject } from './resource';

export const renameFile = defineOperation({
	resource: FILE,
	value: 'rename',
	name: 'Rename',
	action: 'Rename file',
	description: 'Give a file a new name',
	endpoint: 'file/rename',
	checks: [fileCheck, { query: 'name', field: 'name', label: 'New Name', kind: 'text', required: true }],
	subject: fileSubject,
	fields: [
		{
			displayName: 'New Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			description: 'The new file name, e.g. holiday.mp4',
		},
	],
	result: success((qs) => ({ fileId: sent(qs, 'file'), name: sent(qs, 'name') })),
});
