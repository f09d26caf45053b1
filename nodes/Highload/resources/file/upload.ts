import { createMissingFoldersOption, optionsCollection } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import { uploadBinary } from '../../upload/uploadBinary';
import { FILE, uploadFolder } from './resource';

export const uploadFile = defineOperation({
	resource: FILE,
	value: 'upload',
	name: 'Upload',
	action: 'Upload file',
	description: 'Upload a binary file from the input item, streamed from n8n without loading it into memory',
	endpoint: 'file/ul',
	simplify: 'file',
	sends: [uploadFolder],
	about: uploadFolder,
	createsMissingFolders: true,
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
			createMissingFoldersOption,
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. holiday.mp4',
				description: "The name to store the file under, instead of the binary's own file name",
			},
			{
				displayName: 'If the Same File Exists',
				name: 'ifSameFileExists',
				type: 'options',
				default: 'uploadAnyway',
				description: "What to do when the folder already holds the same file (see 'Same File Means')",
				options: [
					{
						name: 'Skip',
						value: 'skip',
						description: "Upload nothing; output the existing file's record with skipped: true",
					},
					{ name: 'Upload Anyway', value: 'uploadAnyway', description: 'Upload the file even if the folder already has it' },
				],
			},
			{
				displayName: 'Same File Means',
				name: 'compareBy',
				type: 'options',
				default: 'content',
				description: "With 'If the Same File Exists' set to 'Skip': how a file in the folder is recognised as the same file",
				options: [
					{
						name: 'Same Content (SHA-1)',
						value: 'content',
						description: "The binary's sha1 equals a file's sha1 in the folder (the binary is read once more to hash it)",
					},
					{ name: 'Same Name', value: 'name', description: 'A file in the folder has the name the upload would get' },
				],
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
	steps: uploadBinary,
});
