import { defineOperation } from '../../shared/operation';
import { success } from '../../shared/output';
import { remoteUploadIdParameter } from '../../shared/parameters';

export const removeRemoteUpload = defineOperation({
	resource: 'remoteUpload',
	value: 'remove',
	name: 'Remove',
	action: 'Remove a remote upload',
	description: 'Cancel a remote upload, or remove it from the list once done',
	endpoint: 'remotedl/remove',
	parameters: [remoteUploadIdParameter()],
	output: success({ remoteUploadId: 'id' }, { kind: 'remote upload', query: 'id' }),
});
