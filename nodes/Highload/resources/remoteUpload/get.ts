import { defineOperation } from '../../descriptions/operation';
import { records } from '../../output/results';
import { REMOTE_UPLOAD, remoteUploadIdCheck, remoteUploadSubject } from './resource';
import { sendAndWait } from './waitForCompletion';

export const getRemoteUpload = defineOperation({
	resource: REMOTE_UPLOAD,
	value: 'get',
	name: 'Get',
	action: 'Get remote upload',
	description: 'Get the status of a remote upload: pending, downloading, finished or error',
	endpoint: 'remotedl/status',
	simplify: 'remoteUpload',
	checks: [remoteUploadIdCheck],
	subject: remoteUploadSubject,
	run: sendAndWait(records('remote upload', ['status'])),
});
