import { defineOperation } from '../../descriptions/operation';
import { sent, success } from '../../output/results';
import { REMOTE_UPLOAD, remoteUploadId } from './resource';

export const removeRemoteUpload = defineOperation({
	resource: REMOTE_UPLOAD,
	value: 'remove',
	name: 'Remove',
	action: 'Remove a remote upload',
	description: 'Cancel a remote upload, or remove it from the list once done',
	endpoint: 'remotedl/remove',
	sends: [remoteUploadId],
	about: remoteUploadId,
	result: success((qs) => ({ remoteUploadId: sent(qs, 'id') })),
});
