import { defineOperation } from '../../descriptions/operation';
import { deleted } from '../../output/results';
import { REMOTE_UPLOAD } from './resource';

/** The API's `id=all`: only reachable as this operation, never from an id field that happens to say "all". */
export const removeAllRemoteUploads = defineOperation({
	resource: REMOTE_UPLOAD,
	value: 'removeAll',
	name: 'Remove All',
	action: 'Remove all remote uploads',
	description: 'Cancel every running remote upload and clear the whole list',
	endpoint: 'remotedl/remove',
	query: { id: 'all' },
	fields: [
		{
			displayName:
				'This cancels every remote upload of the account that is still running and removes all of them from the list. Files that already arrived stay.',
			name: 'removeAllNotice',
			type: 'notice',
			default: '',
		},
	],
	result: deleted(() => ({ remoteUploadId: 'all' })),
});
