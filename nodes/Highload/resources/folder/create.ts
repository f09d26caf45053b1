import { defineOperation } from '../../shared/operation';
import { outputOf } from '../../shared/output';
import { folderIdParameter, textParameter } from '../../shared/parameters';
import { sentValue } from '../../shared/sentQuery';

export const createFolder = defineOperation({
	resource: 'folder',
	value: 'create',
	name: 'Create',
	action: 'Create a folder',
	description: 'Create a folder, in the root folder or inside another one',
	endpoint: 'file/createfolder',
	parameters: [
		textParameter({ name: 'name', displayName: 'Name', query: 'name', required: true, description: 'Name of the new folder' }),
		folderIdParameter({
			name: 'parentFolderId',
			displayName: 'Parent Folder',
			query: 'pid',
			description: 'The folder to create it in; leave empty for the root folder',
		}),
	],
	output: outputOf(function (result) {
		const parentFolderId = sentValue(this, 'pid');
		return [{ ...(result as object), name: sentValue(this, 'name'), parentFolderId: parentFolderId || null }];
	}, { kind: 'parent folder', query: 'pid' }),
});
