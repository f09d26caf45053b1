import { defineOperation } from '../../shared/operation';
import { records } from '../../shared/output';
import { remoteUploadIdParameter } from '../../shared/parameters';
import { remoteUploadWaitOptions, sendAndWaitForRemoteUpload } from '../../shared/waitForRemoteUpload';

export const getRemoteUpload = defineOperation({
	resource: 'remoteUpload',
	value: 'get',
	name: 'Get',
	action: 'Get a remote upload',
	description: 'Get the status of a remote upload: pending, downloading, finished or error',
	endpoint: 'remotedl/status',
	parameters: [remoteUploadIdParameter()],
	fields: [remoteUploadWaitOptions],
	output: records({ kind: 'remote upload', query: 'id' }),
	run: sendAndWaitForRemoteUpload,
});
