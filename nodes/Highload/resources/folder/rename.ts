import { defineOperation } from '../../descriptions/operation';
import { sent, success } from '../../output/results';
import { FOLDER, folderSubject, ROOT_REFUSED } from './resource';

export const renameFolder = defineOperation({
	resource: FOLDER,
	value: 'rename',
	name: 'Rename',
	action: 'Rename folder',
	description: 'Give a folder a new name',
	endpoint: 'file/renamefolder',
	checks: [
		{ query: 'folder', label: 'Folder', kind: 'folderId', required: true, refuseRoot: ROOT_REFUSED, field: 'folderId' },
		{ query: 'name', field: 'name', label: 'New Name', kind: 'text', required: true },
	],
	subject: folderSubject,
	fields: [{ displayName: 'New Name', name: 'name', type: 'string', default: '', required: true, description: 'The new folder name' }],
	result: success((qs) => ({ folderId: sent(qs, 'folder'), name: sent(qs, 'name') })),
});
