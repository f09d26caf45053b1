import { defineOperation } from '../../shared/operation';
import { records } from '../../shared/output';
import { fileIdParameter } from '../../shared/parameters';

export const getFile = defineOperation({
	resource: 'file',
	value: 'get',
	name: 'Get',
	action: 'Get a file',
	description: 'Get a file: name, size, folder, checksum, content type',
	endpoint: 'file/info',
	parameters: [fileIdParameter()],
	output: records({ kind: 'file', query: 'file' }),
});
