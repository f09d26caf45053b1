import { optionsCollection } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import { guardDeletes, stopIfMoreThanOption } from '../../parameters/deleteGuard';
import { sent, success } from '../../output/results';
import { FILE, fileCheck, fileSubject } from './resource';

export const deleteFile = defineOperation({
	resource: FILE,
	value: 'delete',
	name: 'Delete',
	action: 'Delete a file',
	description: 'Delete a file for good',
	endpoint: 'file/delete',
	checks: [fileCheck],
	subject: fileSubject,
	runGuard: guardDeletes('files'),
	fields: [optionsCollection([stopIfMoreThanOption])],
	result: success((qs) => ({ fileId: sent(qs, 'file') })),
});
