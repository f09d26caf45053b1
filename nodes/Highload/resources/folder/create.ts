import type { IDataObject } from 'n8n-workflow';

import { folderLocator, optionsCollection } from '../../descriptions/fields';
import { asOutput, defineOperation, type OperationRun, type OperationOutput } from '../../descriptions/operation';
import { folderTreeOf, formatFolderPath, parseFolderPath } from '../../listing/folderPaths';
import { records, sent } from '../../output/results';
import { ROOT_FOLDER_ID } from '../../parameters/ids';
import { forItem } from '../../transport/errors';
import { FOLDER } from './resource';

const newFolder = records('new folder', ['folderid']);

/** Where the new folder lies, in By Path form, when its parent's path is known (By Path, or the root). */
function pathOf(operation: OperationRun, name: string): string | undefined {
	const parent = operation.folders.pid?.path ?? (operation.qs.pid === undefined ? '' : undefined);
	if (parent === undefined) return undefined;
	const own = formatFolderPath([name]);
	return parent === '' ? own : `${parent}/${own}`;
}

/**
 * Folder → Create. With Create Missing Folders it works like `mkdir -p`: the parent's missing folders are created
 * (by the Parent Folder check), and the folder itself only if the parent has none of that name: 50 items asking for
 * the same folder in one run create it once, a second run creates nothing (`skipped: true`).
 */
async function create(operation: OperationRun): Promise<OperationOutput[]> {
	const { session, qs, context, endpoint, subject } = operation;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const name = sent(qs, 'name');
	const parentFolderId = sent(qs, 'pid') || null;
	const byPath = operation.folders.pid !== undefined;
	const ensure = options.createMissingFolders === true;
	const path = byPath || ensure ? pathOf(operation, name) : undefined;
	const where = path === undefined ? {} : { folderPath: path };

	if (!ensure) {
		const [record] = newFolder(await session.request({ endpoint, qs, subject }), operation);
		return asOutput([{ ...record, name, parentFolderId, ...where }]);
	}
	// The Name is one folder's name, a slash in it included, exactly as without the option.
	const parentNames = byPath ? parseFolderPath(operation.folders.pid.path) : parentFolderId === null ? [] : undefined;
	try {
		const { id, created } = await folderTreeOf(context, session).ensureChild(session, parentFolderId ?? ROOT_FOLDER_ID, name, parentNames);
		return asOutput([{ folderid: id, name, parentFolderId, ...where, skipped: !created }]);
	} catch (error) {
		throw forItem(session.target, error);
	}
}

export const createFolder = defineOperation({
	resource: FOLDER,
	value: 'create',
	name: 'Create',
	action: 'Create folder',
	description: 'Create a folder, in the root folder or inside another one',
	endpoint: 'file/createfolder',
	checks: [
		{ query: 'name', field: 'name', label: 'Name', kind: 'text', required: true },
		{
			query: 'pid',
			label: 'Parent Folder',
			kind: 'folderId',
			required: false,
			field: 'parentFolderId',
			createMissing: true,
			output: { id: 'parentFolderId', path: 'parentFolderPath' },
		},
	],
	subject: { kind: 'parent folder', query: 'pid' },
	fields: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Name of the new folder' },
		folderLocator({
			name: 'parentFolderId',
			displayName: 'Parent Folder',
			required: false,
			description: 'The folder to create it in; leave empty for the root folder',
		}),
		optionsCollection([
			{
				displayName: 'Create Missing Folders',
				name: 'createMissingFolders',
				type: 'boolean',
				default: false,
				description:
					"Whether to work like mkdir -p: create the missing folders of a path given in 'Parent Folder', and create the folder only if the parent has none of that name (the output then says skipped: true)",
			},
		]),
	],
	// Without its new id a created folder is useless (a following upload would land in the root): an error, never an item.
	run: create,
});
