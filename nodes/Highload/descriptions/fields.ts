import type { INodeProperties } from 'n8n-workflow';

import { FILE_URL_REGEX } from '../parameters/ids';

/**
 * Building blocks of the fields of both nodes. A field whose value an operation sends is made with its rule by
 * descriptions/sentFields.ts; which operations show a field follows from the specs that list it
 * (descriptions/operation.ts).
 */

interface FieldText {
	name: string;
	displayName: string;
	description: string;
	required: boolean;
}

/** A file: by ID or by its Highload link. */
export function fileLocator(text: FieldText): INodeProperties {
	return {
		...text,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 9fnelnvpql73',
				validation: [{ type: 'regex', properties: { regex: '^[A-Za-z0-9]*$', errorMessage: 'A file ID is letters and digits' } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://highload.to/f/9fnelnvpql73/video.mp4',
				extractValue: { type: 'regex', regex: FILE_URL_REGEX },
				validation: [
					{ type: 'regex', properties: { regex: FILE_URL_REGEX, errorMessage: 'Not a Highload file link (https://highload.to/f/<id>/...)' } },
				],
			},
		],
	};
}

/**
 * A folder: picked from the account's folders (with their paths), by ID, or by path from the root (resolved to its
 * id before anything is sent: execution/itemQuery.ts, listing/folderPaths.ts).
 */
export function folderLocator(text: FieldText): INodeProperties {
	return {
		...text,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a folder...',
				typeOptions: { searchListMethod: 'searchFolders', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4567',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\+?\\d*\\s*$', errorMessage: 'A folder ID is a number' } }],
			},
			{
				displayName: 'By Path',
				name: 'path',
				type: 'string',
				placeholder: 'e.g. videos/2026/archive',
				hint: 'Folder names from the root, separated by /. In a name write \\/ for a /, \\\\ for a backslash, and \\ before a space that starts or ends it. The paths the node outputs are written this way.',
			},
		],
	};
}

/** An operation's "Options": optional settings, each added by the user as needed (keep `options` sorted by name). */
export function optionsCollection(options: INodeProperties[], displayOptions?: INodeProperties['displayOptions']): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options, displayOptions };
}

/** The option of the operations that put something into a folder given By Path: `mkdir -p` for its missing levels. */
export const createMissingFoldersOption: INodeProperties = {
	displayName: 'Create Missing Folders',
	name: 'createMissingFolders',
	type: 'boolean',
	default: false,
	description: "Whether to create the missing folders of a path given in 'Folder' (like mkdir -p)",
};
