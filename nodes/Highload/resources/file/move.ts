import { folderLocator } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import { sent, success } from '../../output/results';
import { FILE, fileCheck, fileSubject } from './resource';

export const moveFile = defineOperation({
	resource: FILE,
	value: 'move',
	name: 'Move',
	action: 'Move file',
	description: 'Move a file into another folder',
	endpoint: 'file/move',
	checks: [
		fileCheck,
		{
			query: 'folder',
			label: 'Destination Folder',
			kind: 'folderId',
			field: 'folderId',
			required: true,
			refuseRoot: 'Highload cannot move files into the root folder: pick another folder.',
		},
	],
	subject: fileSubject,
	fields: [
		// The API cannot move files to the root folder, so a folder must be chosen.
		folderLocator({ name: 'folderId', displayName: 'Destination Folder', required: true, description: 'The folder to move the file into' }),
	],
	result: success((qs) => ({ fileId: sent(qs, 'file'), folderId: sent(qs, 'folder') })),
});
