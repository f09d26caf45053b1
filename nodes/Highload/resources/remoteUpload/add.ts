import type { IDataObject } from 'n8n-workflow';

import { createMissingFoldersOption, optionsCollection } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import { asOutput, type ItemRun, type OperationOutput } from '../../execution/itemRun';
import { records } from '../../output/results';
import { folderField, FOLDER_PATH_OUTPUT, stringField } from '../../descriptions/sentFields';
import { addOnce } from './alreadyAdded';
import { REMOTE_UPLOAD } from './resource';
import { waitFields, waitIfAsked } from './waitForCompletion';

const added = records('remote upload', ['id']);

/** Adds the upload (once, with Skip If Already Added), then waits for it when asked. */
async function add(run: ItemRun): Promise<OperationOutput[]> {
	const { session, endpoint, qs, subject, context } = run;
	const send = async () => added(await session.request({ endpoint, qs, subject }), run);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return asOutput(await waitIfAsked(run, options.skipIfAlreadyAdded === true ? await addOnce(run, send) : await send()));
}

const url = stringField(
	{
		name: 'url',
		displayName: 'URL',
		required: true,
		placeholder: 'e.g. https://example.com/video.mp4',
		description: 'The http:// or https:// link Highload downloads the file from',
	},
	'url',
	'url',
);

const folder = folderField(
	{ name: 'folderId', displayName: 'Folder', required: false, description: 'The folder the file will land in; leave empty for the root folder' },
	'folder',
	{ notFoundAs: 'folder', pathOutput: FOLDER_PATH_OUTPUT },
);

export const addRemoteUpload = defineOperation({
	resource: REMOTE_UPLOAD,
	value: 'add',
	name: 'Add',
	action: 'Add remote upload',
	description: 'Have Highload fetch a file from a URL into your account',
	endpoint: 'remotedl/add',
	simplify: 'remoteUpload',
	sends: [url, folder],
	about: folder,
	createsMissingFolders: true,
	fields: [
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
	steps: add,
});
