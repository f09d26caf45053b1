import type { IDataObject } from 'n8n-workflow';

import { createMissingFoldersOption, folderLocator, optionsCollection } from '../../descriptions/fields';
import { asOutput, defineOperation, type OperationRun, type OperationOutput } from '../../descriptions/operation';
import { records } from '../../output/results';
import { addOnce } from './alreadyAdded';
import { REMOTE_UPLOAD } from './resource';
import { waitFields, waitIfAsked } from './waitForCompletion';

const added = records('remote upload', ['id']);

/** Adds the upload (once, with Skip If Already Added), then waits for it when asked. */
async function add(operation: OperationRun): Promise<OperationOutput[]> {
	const { session, endpoint, qs, subject, context } = operation;
	const send = async () => added(await session.request({ endpoint, qs, subject }), operation);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return asOutput(await waitIfAsked(operation, options.skipIfAlreadyAdded === true ? await addOnce(operation, send) : await send()));
}

export const addRemoteUpload = defineOperation({
	resource: REMOTE_UPLOAD,
	value: 'add',
	name: 'Add',
	action: 'Add remote upload',
	description: 'Have Highload fetch a file from a URL into your account',
	endpoint: 'remotedl/add',
	simplify: 'remoteUpload',
	checks: [
		{ query: 'url', field: 'url', label: 'URL', kind: 'url', required: true },
		{ query: 'folder', label: 'Folder', kind: 'folderId', required: false, field: 'folderId', createMissing: true },
	],
	subject: { kind: 'folder', query: 'folder' },
	fields: [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com/video.mp4',
			description: 'The http:// or https:// link Highload downloads the file from',
		},
		folderLocator({
			name: 'folderId',
			displayName: 'Folder',
			required: false,
			description: 'The folder the file will land in; leave empty for the root folder',
		}),
		optionsCollection([
			createMissingFoldersOption,
			{
				displayName: 'Skip If Already Added',
				name: 'skipIfAlreadyAdded',
				type: 'boolean',
				default: false,
				description:
					"Whether to add nothing when Highload already lists a remote upload of the same URL into the same folder, and output that upload's record with skipped: true",
			},
			...waitFields,
		]),
	],
	run: add,
});
