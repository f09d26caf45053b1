import { defineOperation } from '../../shared/operation';
import { success } from '../../shared/output';
import { fileIdParameter } from '../../shared/parameters';

export const deleteFile = defineOperation({
	resource: 'file',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a file',
	description: 'Delete a file for good',
	endpoint: 'file/delete',
	parameters: [fileIdParameter()],
	output: success({ fileId: 'file' }, { kind: 'file', query: 'file' }),
});
