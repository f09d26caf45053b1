import type { INodeProperties } from 'n8n-workflow';

/** How a sent value is checked before anything is sent (parameters/valueRules.ts). */
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
 * item's query is built (execution/itemQuery.ts). Made by descriptions/sentFields.ts.
 */
export interface SentField {
	property: INodeProperties;
	rule: FieldRule;
}
