import type { INodeProperties } from 'n8n-workflow';

import { fileLocator, folderLocator } from '../descriptions/fields';

/** How a sent value is checked before anything is sent (valueRules.ts). */
export type Kind = 'fileId' | 'folderId' | 'remoteUploadId' | 'url' | 'text';

/**
 * The rule of a field whose value an operation sends as a query parameter. It is derived from the field's own
 * declaration (name, display name, required), so the two cannot drift apart.
 */
export interface FieldRule {
	/** The query parameter the value is sent as. */
	query: string;
	/** The field (parameter name) the value is read from. */
	field: string;
	/** The field's display name, as errors name it. */
	label: string;
	kind: Kind;
	required: boolean;
	/** Destructive or impossible on the root folder (delete, rename, move into): refused however it is spelled. */
	refuseRoot?: string;
	/** Folder fields: the output fields that carry the folder's id and path when it was given By Path. */
	pathOutput?: { id: string; path: string };
	/** The object the value names, as a 404 about it says it (e.g. `file` → `Highload could not find file "x"`). */
	notFoundAs?: string;
}

/**
 * A field and its rule, made by one call: the field as the editor shows it (displayOptions are added from the
 * operations that list it) and how its value is read, checked and sent. The fields carry no `routing`: n8n's
 * declarative engine evaluates a routed field's expression twice more per item, so values are read once, when the
 * item's query is built (execution/itemQuery.ts).
 */
export interface SentField {
	property: INodeProperties;
	rule: FieldRule;
}

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
