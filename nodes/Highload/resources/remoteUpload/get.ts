import { defineOperation } from '../../shared/operation';
import { records } from '../../shared/output';
import { remoteUploadIdParameter } from '../../shared/parameters';

export const getRemoteUpload = defineOperation({
	resource: 'remoteUpload',
	value: 'get',
	name: 'Get',
	action: 'Get a remote upload',
	description: 'Get the status of a remote upload: pending, downloading, finished or error',
	endpoint: 'remotedl/status',
	parameters: [remoteUploadIdParameter()],
	output: records({ kind: 'remote upload', parameter: 'remoteUploadId' }),
});
