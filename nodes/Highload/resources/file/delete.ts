import { defineOperation } from '../../descriptions/operation';
import { deleted, sent } from '../../output/results';
import { FILE, fileToActOn } from './resource';

export const deleteFile = defineOperation({
	resource: FILE,
	value: 'delete',
	name: 'Delete',
	action: 'Delete file',
	description: 'Delete a file for good',
	endpoint: 'file/delete',
	sends: [fileToActOn],
	about: fileToActOn,
	refusesFolderItems: true,
	deletes: 'files',
	result: deleted((qs) => ({ fileId: sent(qs, 'file') })),
});
