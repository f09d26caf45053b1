import { defineOperation } from '../../shared/operation';
import { records } from '../../shared/output';
import { folderIdParameter } from '../../shared/parameters';

export const getUploadUrl = defineOperation({
	resource: 'file',
	value: 'getUploadUrl',
	name: 'Get Upload URL',
	action: 'Get an upload URL',
	description: 'Get a one-time URL to POST a file to (File → Upload does both steps for you)',
	endpoint: 'file/ul',
	parameters: [folderIdParameter()],
	output: records({ kind: 'folder', query: 'folder' }),
});
