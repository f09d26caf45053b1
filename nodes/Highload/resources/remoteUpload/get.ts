import { optionsCollection } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import { records } from '../../output/results';
import { REMOTE_UPLOAD, remoteUploadId } from './resource';
import { sendAndWait, waitFields } from './waitForCompletion';

export const getRemoteUpload = defineOperation({
	resource: REMOTE_UPLOAD,
	value: 'get',
	name: 'Get',
	action: 'Get remote upload',
	description: "Get the status of a remote upload: 'pending', 'downloading', 'finished' or 'error'",
	endpoint: 'remotedl/status',
	simplify: 'remoteUpload',
	sends: [remoteUploadId],
	about: remoteUploadId,
	fields: [optionsCollection(waitFields)],
	steps: sendAndWait(records('remote upload', ['status'])),
});
