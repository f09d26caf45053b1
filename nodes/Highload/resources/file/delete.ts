import { optionsCollection } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import { stopIfMoreThanOption } from '../../parameters/deleteGuard';
import { sent, success } from '../../output/results';
import { FILE, fileToActOn } from './resource';

export const deleteFile = defineOperation({
	resource: FILE,
	value: 'delete',
	name: 'Delete',
	action: 'Delete a file',
	description: 'Delete a file for good',
	endpoint: 'file/delete',
	sends: [fileToActOn],
	about: fileToActOn,
	refusesFolderItems: true,
	deletes: 'files',
	fields: [optionsCollection([stopIfMoreThanOption])],
	result: success((qs) => ({ fileId: sent(qs, 'file') })),
});
