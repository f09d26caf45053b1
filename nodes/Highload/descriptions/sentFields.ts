import type { INodeProperties } from 'n8n-workflow';

import type { FieldRule, Kind, SentField } from '../parameters/fieldRule';

import { fileLocator, folderLocator } from './fields';

type RuleOptions = Omit<FieldRule, 'field' | 'label' | 'required' | 'kind'>;

function sentField(property: INodeProperties, kind: Kind, options: RuleOptions): SentField {
	return { property, rule: { ...options, field: property.name, label: property.displayName, kind, required: property.required === true } };
}

interface Text {
	name: string;
	displayName: string;
	description: string;
	required: boolean;
}

/** A plain string field sent as typed (e.g. a new name); `kind: 'url'` for a link that must be a web address. */
export function stringField(text: Text & { placeholder?: string }, query: string, kind: 'text' | 'url' | 'remoteUploadId' = 'text', options: Omit<RuleOptions, 'query'> = {}): SentField {
	const property: INodeProperties = { ...text, type: 'string', default: '' };
	return sentField(property, kind, { ...options, query });
}

/** A file, by ID or by its Highload link (descriptions/fields.ts), sent as its id. */
export function fileField(text: Text, query: string, options: Omit<RuleOptions, 'query'> = {}): SentField {
	return sentField(fileLocator(text), 'fileId', { ...options, query });
}

/** The output fields of a folder given By Path when the operation's record does not name them itself. */
export const FOLDER_PATH_OUTPUT = { id: 'folderId', path: 'folderPath' };

/** A folder (From List, By ID, By Path: descriptions/fields.ts), sent as its canonical id; By Path resolved first. */
export function folderField(text: Text, query: string, options: Omit<RuleOptions, 'query' | 'pathOutput'> & { pathOutput: FieldRule['pathOutput'] }): SentField {
	return sentField(folderLocator(text), 'folderId', { ...options, query });
}
