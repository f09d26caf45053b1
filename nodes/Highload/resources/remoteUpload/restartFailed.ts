import { defineOperation } from '../../descriptions/operation';
import { success } from '../../output/results';
import { REMOTE_UPLOAD } from './resource';

export const restartFailedRemoteUploads = defineOperation({
	resource: REMOTE_UPLOAD,
	value: 'restartFailed',
	name: 'Restart Failed',
	action: 'Restart failed remote uploads',
	description: "Start again every remote upload whose status is 'error'",
	endpoint: 'remotedl/restart',
	query: { restart: 'true' },
	result: success(() => ({ restarted: 'failed' })),
});
