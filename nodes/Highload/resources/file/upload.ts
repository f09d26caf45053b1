import { optionsCollection } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import { uploadBinary } from '../../upload/uploadBinary';
import { FILE, uploadFolderCheck } from './resource';

export const uploadFile = defineOperation({
	resource: FILE,
	value: 'upload',
	name: 'Upload',
	action: 'Upload a file',
	description: 'Upload a binary file from the input item, streamed from n8n without loading it into memory',
	endpoint: 'file/ul',
	checks: [{ ...uploadFolderCheck, createMissing: true }],
	subject: { kind: 'folder', query: 'folder' },
	fields: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to be uploaded',
		},
		optionsCollection([
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. holiday.mp4',
				description: "The name to store the file under, instead of the binary's own file name",
			},
			{
				displayName: 'Verify Checksum',
				name: 'verifyChecksum',
				type: 'boolean',
				default: true,
				description: 'Whether to compare the sha1 of the bytes sent with the sha1 Highload reports for the stored file, and fail on a mismatch',
			},
		]),
	],
	run: uploadBinary,
});
