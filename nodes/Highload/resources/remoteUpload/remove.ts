import { defineOperation } from '../../descriptions/operation';
import { sent, success } from '../../output/results';
import { REMOTE_UPLOAD, remoteUploadIdCheck, remoteUploadSubject } from './resource';

export const removeRemoteUpload = defineOperation({
	resource: REMOTE_UPLOAD,
	value: 'remove',
	name: 'Remove',
	action: 'Remove a remote upload',
	description: 'Cancel a remote upload, or remove it from the list once done',
	endpoint: 'remotedl/remove',
	checks: [remoteUploadIdCheck],
	subject: remoteUploadSubject,
	result: success((qs) => ({ remoteUploadId: sent(qs, 'id') })),
});
