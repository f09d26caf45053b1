import { defineOperation } from '../../descriptions/operation';
import { deleted, sent } from '../../output/results';
import { FILE, fileCheck, fileSubject } from './resource';

export const deleteFile = defineOperation({
	resource: FILE,
	value: 'delete',
	name: 'Delete',
	action: 'Delete file',
	description: 'Delete a file for good',
	endpoint: 'file/delete',
	checks: [fileCheck],
	subject: fileSubject,
	result: deleted((qs) => ({ fileId: sent(qs, 'file') })),
});
