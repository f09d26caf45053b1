import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeProperties,
} from 'n8n-workflow';

import { rememberQuery } from './sentQuery';

export const ROOT_FOLDER_ID = '0';

/** File ids are letters and digits (`9fnelnvpql73`); the link form is `https://highload.to/f/<id>/<name>`. */
const FILE_ID = /^[A-Za-z0-9]+$/;
const FOLDER_ID = /^\d+$/;
const HTTP_URL = /^https?:\/\/[^\s/]+\S*$/i;
export const FILE_URL_REGEX = '^https?://(?:www\\.)?highload\\.to/(?:f|e)/([A-Za-z0-9]+)(?:[/?#].*)?$';

/** How a parameter's value is checked before anything is sent. */
type Kind = 'fileId' | 'folderId' | 'remoteUploadId' | 'url' | 'text';

const RULES: Record<Kind, { pattern?: RegExp; hint: string }> = {
	fileId: { pattern: FILE_ID, hint: 'A file ID is letters and digits, like 9fnelnvpql73 (or pick "By URL" and paste the file link).' },
	folderId: { pattern: FOLDER_ID, hint: 'A folder ID is a number, like 4567: pick the folder from the list or copy its ID.' },
	remoteUploadId: { pattern: FILE_ID, hint: 'A remote upload ID is letters and digits, like 8ykqg0nkqxoh (the id that Remote Upload → Add returned).' },
	url: { pattern: HTTP_URL, hint: 'Give a full http:// or https:// link to the file Highload should fetch.' },
	text: { hint: 'Enter a value, or check the expression that fills it.' },
};

/** One query parameter of an operation: the field the user fills, and the check its value must pass. */
export interface Parameter {
	property: INodeProperties;
	query: string;
	kind: Kind;
	required: boolean;
	/** Whether the root folder is acceptable (never for destructive folder operations). */
	allowRoot?: boolean;
}

function invalid(context: IExecuteSingleFunctions, parameter: Parameter, message: string) {
	return new NodeOperationError(context.getNode(), `${parameter.property.displayName}: ${message}`, {
		itemIndex: context.getItemIndex(),
		description: RULES[parameter.kind].hint,
	});
}

/**
 * preSend check of an operation's parameters: empty optional values are left out (so "no folder" means the
 * API default, never an empty `folder=`), empty required ones and malformed ids stop the item before any request.
 */
export function checkParameters(parameters: Parameter[]) {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const qs: IDataObject = { ...(options.qs ?? {}) };
		for (const parameter of parameters) {
			const raw = qs[parameter.query];
			const value = raw === undefined || raw === null ? '' : String(raw).trim();
			if (value === '') {
				if (parameter.required) throw invalid(this, parameter, 'is empty');
				delete qs[parameter.query];
				continue;
			}
			const { pattern } = RULES[parameter.kind];
			if (pattern && !pattern.test(value)) throw invalid(this, parameter, `"${value}" is not valid`);
			if (parameter.kind === 'folderId' && value === ROOT_FOLDER_ID && parameter.allowRoot === false) {
				throw invalid(this, parameter, 'is the root folder, which this operation never acts on');
			}
			// The API reads id=all as "every upload": that is the Remove All operation, never an id field.
			if (parameter.kind === 'remoteUploadId' && value.toLowerCase() === 'all') {
				throw invalid(this, parameter, '"all" is not an upload ID; use the Remove All operation to remove every upload');
			}
			qs[parameter.query] = parameter.kind === 'text' ? raw : value;
		}
		rememberQuery(this, qs);
		return { ...options, qs };
	};
}

// Sends the parameter's own value (a resource locator's plain id): no expression to evaluate per item.
const sendAsQuery = (query: string) => ({ send: { type: 'query' as const, property: query } });

interface FieldOptions {
	name: string;
	displayName: string;
	query: string;
	required: boolean;
	description: string;
	allowRoot?: boolean;
}

export function fileIdParameter(options: Partial<FieldOptions> = {}): Parameter {
	const { name = 'fileId', displayName = 'File', query = 'file', required = true } = options;
	return {
		query,
		kind: 'fileId',
		required,
		property: {
			displayName,
			name,
			type: 'resourceLocator',
			default: { mode: 'id', value: '' },
			required,
			description: options.description ?? 'The file to act on',
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
			routing: sendAsQuery(query),
		},
	};
}

export function folderIdParameter(options: Partial<FieldOptions> = {}): Parameter {
	const { name = 'folderId', displayName = 'Folder', query = 'folder', required = false } = options;
	return {
		query,
		kind: 'folderId',
		required,
		allowRoot: options.allowRoot,
		property: {
			displayName,
			name,
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required,
			description: options.description ?? (required ? 'The folder to act on' : 'The folder; leave empty for the root folder'),
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
					validation: [{ type: 'regex', properties: { regex: '^\\d*$', errorMessage: 'A folder ID is a number' } }],
				},
			],
			routing: sendAsQuery(query),
		},
	};
}

export function remoteUploadIdParameter(): Parameter {
	return {
		query: 'id',
		kind: 'remoteUploadId',
		required: true,
		property: {
			displayName: 'Remote Upload ID',
			name: 'remoteUploadId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 8ykqg0nkqxoh',
			description: 'The ID that Remote Upload → Add returned',
			routing: sendAsQuery('id'),
		},
	};
}

export function textParameter(options: FieldOptions & { kind?: 'text' | 'url'; placeholder?: string }): Parameter {
	return {
		query: options.query,
		kind: options.kind ?? 'text',
		required: options.required,
		property: {
			displayName: options.displayName,
			name: options.name,
			type: 'string',
			default: '',
			required: options.required,
			placeholder: options.placeholder,
			description: options.description,
			routing: sendAsQuery(options.query),
		},
	};
}

/** An operation's "Options": optional settings, each added by the user as needed (keep `options` sorted by name). */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}
