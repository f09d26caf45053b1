import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import type { ItemRun, OperationOutput } from '../../execution/itemRun';
import { missingInResult, sent } from '../../output/results';
import { readImage } from '../../transport/imageAnswer';
import { FILE, fileToActOn } from './resource';

/** The splash image's link (a string result), then, with Download on, the image itself (a public CDN link). */
async function getThumbnail(run: ItemRun): Promise<OperationOutput[]> {
	const { session, endpoint, qs, subject, context } = run;
	const result = await session.request({ endpoint, qs, subject });
	if (typeof result !== 'string' || !/^https?:\/\/\S+$/i.test(result.trim())) throw missingInResult(run, 'thumbnail link', result);
	const item: OperationOutput = { json: { fileId: sent(qs, 'file'), thumbnailUrl: result.trim() } };
	const options = context.getNodeParameter('options', {}) as IDataObject;
	if (options.download) {
		const url = result.trim();
		const fileName = url.split('/').pop()?.split('?')[0] || `${sent(qs, 'file')}.jpg`;
		const property = String(options.binaryPropertyName || 'data');
		const image = readImage(session.target, await session.download(url, 'the thumbnail server'), url, 'thumbnail');
		item.binary = { [property]: await context.helpers.prepareBinaryData(image.data, fileName, image.mimeType) };
	}
	return [item];
}

export const getThumbnailOperation = defineOperation({
	resource: FILE,
	value: 'getThumbnail',
	name: 'Get Thumbnail',
	action: 'Get file thumbnail',
	description: "Get the link to a video's splash image, optionally downloading the image",
	endpoint: 'file/getsplash',
	sends: [fileToActOn],
	about: fileToActOn,
	refusesFolderItems: true,
	fields: [
		optionsCollection([
			{
				displayName: 'Download',
				name: 'download',
				type: 'boolean',
				default: false,
				description: 'Whether to fetch the image into a binary property as well',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				hint: 'The name of the output binary field to put the image in',
			},
		]),
	],
	steps: getThumbnail,
});
