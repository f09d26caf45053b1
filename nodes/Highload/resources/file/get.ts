import { defineOperation } from '../../descriptions/operation';
import { records } from '../../output/results';
import { FILE, fileCheck, fileSubject } from './resource';

export const getFile = defineOperation({
	resource: FILE,
	value: 'get',
	name: 'Get',
	action: 'Get file',
	description: 'Get a file: name, size, folder, checksum, content type',
	endpoint: 'file/info',
	simplify: 'file',
	checks: [fileCheck],
	subject: fileSubject,
	result: records('file', ['id']),
});
