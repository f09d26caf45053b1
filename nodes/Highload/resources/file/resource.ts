import { fileField, folderField, FOLDER_PATH_OUTPUT } from '../../descriptions/sentFields';

export const FILE = { value: 'file', name: 'File' };

/** The file that Get, Rename, Move, Delete and Get Thumbnail act on: each lists it in its spec. */
export const fileToActOn = fileField({ name: 'fileId', displayName: 'File', required: true, description: 'The file to act on' }, 'file', {
	notFoundAs: 'file',
});

/** Where Upload and Get Upload URL put the file: each lists it in its spec. */
export const uploadFolder = folderField(
	{ name: 'folderId', displayName: 'Folder', required: false, description: 'The folder to upload into; leave empty for the root folder' },
	'folder',
	{ notFoundAs: 'folder', pathOutput: FOLDER_PATH_OUTPUT },
);
