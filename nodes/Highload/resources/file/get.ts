import { defineOperation } from '../../descriptions/operation';
import { records } from '../../output/results';
import { FILE, fileToActOn } from './resource';

export const getFile = defineOperation({
	resource: FILE,
	value: 'get',
	name: 'Get',
	action: 'Get file',
	description: 'Get a file: name, size, folder, checksum, content type',
	endpoint: 'file/info',
	simplify: 'file',
	sends: [fileToActOn],
	about: fileToActOn,
	refusesFolderItems: true,
	result: records('file', ['id']),
});
