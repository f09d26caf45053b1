import { defineOperation } from '../../shared/operation';
import { success } from '../../shared/output';
import { fileIdParameter, textParameter } from '../../shared/parameters';

export const renameFile = defineOperation({
	resource: 'file',
	value: 'rename',
	name: 'Rename',
	action: 'Rename a file',
	description: 'Give a file a new name',
	endpoint: 'file/rename',
	parameters: [
		fileIdParameter(),
		textParameter({ name: 'name', displayName: 'New Name', query: 'name', required: true, description: 'The new file name, e.g. holiday.mp4' }),
	],
	output: success({ fileId: 'file', name: 'name' }, { kind: 'file', query: 'file' }),
});
