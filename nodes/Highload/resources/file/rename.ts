import { defineOperation } from '../../descriptions/operation';
import { sent, success } from '../../output/results';
import { stringField } from '../../descriptions/sentFields';
import { FILE, fileToActOn } from './resource';

const newName = stringField({ name: 'name', displayName: 'New Name', required: true, description: 'The new file name, e.g. holiday.mp4' }, 'name');

export const renameFile = defineOperation({
	resource: FILE,
	value: 'rename',
	name: 'Rename',
	action: 'Rename file',
	description: 'Give a file a new name',
	endpoint: 'file/rename',
	sends: [fileToActOn, newName],
	about: fileToActOn,
	refusesFolderItems: true,
	result: success((qs) => ({ fileId: sent(qs, 'file'), name: sent(qs, 'name') })),
});
