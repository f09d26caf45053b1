import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import { asOutput, type ItemRun, type OperationOutput } from '../../execution/itemRun';
import { folderTreeOf } from '../../listing/folderPaths';
import { childFolderPath, parseFolderPath } from '../../listing/pathFormat';
import { records, sent } from '../../output/results';
import { ROOT_FOLDER_ID } from '../../parameters/ids';
import { folderField, stringField } from '../../descriptions/sentFields';
import { forItem } from '../../transport/errors';
import { FOLDER } from './resource';

const newFolder = records('new folder', ['folderid']);

/** Where the new folder lies, in By Path form, when its parent's path is known (By Path, or the root). */
function pathOf(run: ItemRun, name: string): string | undefined {
	const parent = run.folders.pid?.path ?? (run.qs.pid === undefined ? '' : undefined);
	if (parent === undefined) return undefined;
	return childFolderPath(parent, name);
}

/**
 * Folder → Create. With Create Missing Folders it works like `mkdir -p`: the parent's missing folders are created
 * (by the Parent Folder check), and the folder itself only if the parent has none of that name: 50 items asking for
 * the same folder in one run create it once, a second run creates nothing (`skipped: true`).
 */
async function create(run: ItemRun): Promise<OperationOutput[]> {
	const { session, qs, context, endpoint, subject } = run;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const name = sent(qs, 'name');
	const parentFolderId = sent(qs, 'pid') || null;
	const byPath = run.folders.pid !== undefined;
	const ensure = options.createMissingFolders === true;
	const path = byPath || ensure ? pathOf(run, name) : undefined;
	const where = path === undefined ? {} : { folderPath: path };

	if (!ensure) {
		const [record] = newFolder(await session.request({ endpoint, qs, subject }), run);
		return asOutput([{ ...record, name, parentFolderId, ...where }]);
	}
	// The Name is one folder's name, a slash in it included, exactly as without the option.
	const parentNames = byPath ? parseFolderPath(run.folders.pid.path) : parentFolderId === null ? [] : undefined;
	try {
		const { id, created } = await folderTreeOf(context, session).ensureChild(session, parentFolderId ?? ROOT_FOLDER_ID, name, parentNames);
		return asOutput([{ folderid: id, name, parentFolderId, ...where, skipped: !created }]);
	} catch (error) {
		throw forItem(session.target, error);
	}
}

const folderName = stringField({ name: 'name', displayName: 'Name', required: true, description: 'Name of the new folder' }, 'name');

const parentFolder = folderField(
	{ name: 'parentFolderId', displayName: 'Parent Folder', required: false, description: 'The folder to create it in; leave empty for the root folder' },
	'pid',
	{ notFoundAs: 'parent folder', pathOutput: { id: 'parentFolderId', path: 'parentFolderPath' } },
);

export const createFolder = defineOperation({
	resource: FOLDER,
	value: 'create',
	name: 'Create',
	action: 'Create folder',
	description: 'Create a folder, in the root folder or inside another one',
	endpoint: 'file/createfolder',
	sends: [folderName, parentFolder],
	about: parentFolder,
	createsMissingFolders: true,
	fields: [
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
	steps: create,
});
