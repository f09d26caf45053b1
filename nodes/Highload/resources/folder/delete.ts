import { defineOperation } from '../../descriptions/operation';
import { deleted, sent } from '../../output/results';
import { FOLDER, folderSubject, ROOT_REFUSED } from './resource';

export const deleteFolder = defineOperation({
	resource: FOLDER,
	value: 'delete',
	name: 'Delete',
	action: 'Delete folder',
	description: 'Delete a folder with all its subfolders and files, for good',
	endpoint: 'file/deletefolder',
	// Required and never the root, however its id is spelled: the API could read an empty or `00` id as the root.
	checks: [{ query: 'folder', label: 'Folder', kind: 'folderId', required: true, refuseRoot: ROOT_REFUSED, field: 'folderId' }],
	subject: folderSubject,
	fields: [
		{
			displayName: 'This deletes the folder with all its subfolders and files. It cannot be undone.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
	],
	result: deleted((qs) => ({ folderId: sent(qs, 'folder') })),
});
