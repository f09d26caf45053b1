import { defineOperation } from '../../descriptions/operation';
import { deleted, sent } from '../../output/results';
import { REMOTE_UPLOAD, remoteUploadId } from './resource';

export const removeRemoteUpload = defineOperation({
	resource: REMOTE_UPLOAD,
	value: 'remove',
	name: 'Remove',
	action: 'Remove remote upload',
	description: 'Cancel a remote upload, or remove it from the list once done',
	endpoint: 'remotedl/remove',
	sends: [remoteUploadId],
	about: remoteUploadId,
	result: deleted((qs) => ({ remoteUploadId: sent(qs, 'id') })),
});
