import { defineOperation } from '../../descriptions/operation';
import { deleted, sent } from '../../output/results';
import { REMOTE_UPLOAD, remoteUploadIdCheck, remoteUploadSubject } from './resource';

export const removeRemoteUpload = defineOperation({
	resource: REMOTE_UPLOAD,
	value: 'remove',
	name: 'Remove',
	action: 'Remove remote upload',
	description: 'Cancel a remote upload, or remove it from the list once done',
	endpoint: 'remotedl/remove',
	checks: [remoteUploadIdCheck],
	subject: remoteUploadSubject,
	result: deleted((qs) => ({ remoteUploadId: sent(qs, 'id') })),
});
