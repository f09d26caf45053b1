import { defineOperation } from '../../descriptions/operation';
import { records } from '../../output/results';
import { FILE, uploadFolderCheck } from './resource';

export const getUploadUrl = defineOperation({
	resource: FILE,
	value: 'getUploadUrl',
	name: 'Get Upload URL',
	action: 'Get upload URL',
	description: "Get a one-time URL to POST a file to ('File → Upload' does both steps for you)",
	endpoint: 'file/ul',
	checks: [uploadFolderCheck],
	subject: { kind: 'folder', query: 'folder' },
	result: records('upload URL', ['url']),
});
