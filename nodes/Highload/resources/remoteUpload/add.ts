import { defineOperation } from '../../shared/operation';
import { records } from '../../shared/output';
import { folderIdParameter, textParameter } from '../../shared/parameters';
import { remoteUploadWaitOptions, sendAndWaitForRemoteUpload } from '../../shared/waitForRemoteUpload';

export const addRemoteUpload = defineOperation({
	resource: 'remoteUpload',
	value: 'add',
	name: 'Add',
	action: 'Add a remote upload',
	description: 'Have Highload fetch a file from a URL into your account',
	endpoint: 'remotedl/add',
	parameters: [
		textParameter({
			name: 'url',
			displayName: 'URL',
			query: 'url',
			required: true,
			kind: 'url',
			placeholder: 'e.g. https://example.com/video.mp4',
			description: 'The http:// or https:// link Highload downloads the file from',
		}),
		// Its own description keeps it below URL (identical fields are merged and placed where they first appear).
		folderIdParameter({ description: 'The folder the file will land in; leave empty for the root folder' }),
	],
	fields: [remoteUploadWaitOptions],
	output: records(),
	run: sendAndWaitForRemoteUpload,
});
