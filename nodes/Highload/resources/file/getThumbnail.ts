import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { defineOperation } from '../../shared/operation';
import { outputOf } from '../../shared/output';
import { fileIdParameter, optionsCollection } from '../../shared/parameters';
import { sentValue } from '../../shared/sentQuery';

const subject = { kind: 'file', query: 'file' };

/** With Download on, fetches the image (a public CDN link: no credential is sent) into a binary property. */
async function downloadThumbnail(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (!options.download) return items;
	const property = String(options.binaryPropertyName || 'data');
	for (const item of items) {
		const url = String(item.json.thumbnailUrl);
		const image = (await this.helpers.httpRequest({ url, encoding: 'arraybuffer', json: false })) as Buffer;
		const fileName = url.split('/').pop()?.split('?')[0] || `${String(item.json.fileId)}.jpg`;
		item.binary = { [property]: await this.helpers.prepareBinaryData(image, fileName) };
	}
	return items;
}

export const getThumbnail = defineOperation({
	resource: 'file',
	value: 'getThumbnail',
	name: 'Get Thumbnail',
	action: 'Get a file thumbnail',
	description: "Get the link to a video's splash image, optionally downloading the image",
	endpoint: 'file/getsplash',
	parameters: [fileIdParameter()],
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
	output: outputOf(function (result) {
		return [{ fileId: sentValue(this, 'file'), thumbnailUrl: String(result) }];
	}, subject),
	postReceive: [downloadThumbnail],
});
