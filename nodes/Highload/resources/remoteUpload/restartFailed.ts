import { defineOperation } from '../../shared/operation';
import { success } from '../../shared/output';

export const restartFailedRemoteUploads = defineOperation({
	resource: 'remoteUpload',
	value: 'restartFailed',
	name: 'Restart Failed',
	action: 'Restart failed remote uploads',
	description: 'Start every remote upload that ended in an error again',
	endpoint: 'remotedl/restart',
	query: { restart: 'true' },
	output: success({}, undefined, { restarted: 'failed' }),
});
