import { defineOperation } from '../../descriptions/operation';
import { records } from '../../output/results';
import { FILE, uploadFolder } from './resource';

export const getUploadUrl = defineOperation({
	resource: FILE,
	value: 'getUploadUrl',
	name: 'Get Upload URL',
	action: 'Get upload URL',
	description: "Get a one-time URL to POST a file to ('File → Upload' does both steps for you)",
	endpoint: 'file/ul',
	sends: [uploadFolder],
	about: uploadFolder,
	result: records('upload URL', ['url']),
});
