import { defineOperation } from '../../descriptions/operation';
import { sent, success } from '../../output/results';
import { folderField, FOLDER_PATH_OUTPUT } from '../../descriptions/sentFields';
import { FILE, fileToActOn } from './resource';

// The API cannot move files to the root folder, so a folder must be chosen.
const destination = folderField(
	{ name: 'folderId', displayName: 'Destination Folder', required: true, description: 'The folder to move the file into' },
	'folder',
	{ refuseRoot: 'Highload cannot move files into the root folder: pick another folder.', pathOutput: FOLDER_PATH_OUTPUT },
);

export const moveFile = defineOperation({
	resource: FILE,
	value: 'move',
	name: 'Move',
	action: 'Move file',
	description: 'Move a file into another folder',
	endpoint: 'file/move',
	sends: [fileToActOn, destination],
	about: fileToActOn,
	refusesFolderItems: true,
	result: success((qs) => ({ fileId: sent(qs, 'file'), folderId: sent(qs, 'folder') })),
});
