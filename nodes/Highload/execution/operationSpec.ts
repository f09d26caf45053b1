import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ItemRun, OperationOutput } from './itemRun';
import type { ResultReader } from '../output/results';
import type { RecordKind } from '../output/simplify';
import type { SentField } from '../parameters/fieldRule';

/** A resource as its picker shows it: `{ value: 'file', name: 'File' }`. */
export interface Resource {
	value: string;
	name: string;
}

/**
 * Everything about one operation; a reader finds its whole behaviour in its own file. What runs it is
 * execution/runItem.ts, and every step it takes for an item is asked for here.
 */
export interface OperationSpec {
	resource: Resource;
	value: string;
	name: string;
	action: string;
	description: string;
	/** API path, e.g. `file/rename`. */
	endpoint: string;
	/**
	 * The fields whose values it sends (descriptions/sentFields.ts), first in the editor, in this order; each value is
	 * checked before any request. A field shared with other operations is the same object in each of their specs.
	 */
	sends?: SentField[];
	/** Fixed query parameters, e.g. `{ id: 'all' }`. */
	query?: Record<string, string>;
	/** The sent field whose value names the object the request is about, named in a 404 (its rule's `notFoundAs`). */
	about?: SentField;
	/** Its other fields (options, notices), shown after the sent fields. */
	fields?: INodeProperties[];
	/**
	 * It offers Create Missing Folders under Options: a folder field given By Path gets its missing folders created
	 * when the user turns it on.
	 */
	createsMissingFolders?: boolean;
	/**
	 * It acts on file ids: input items that are folder records (Folder → List with "Files and Folders") are refused,
	 * over the run's whole input before any item sends.
	 */
	refusesFolderItems?: boolean;
	/**
	 * It deletes these: its Options show Stop If More Than (added from this flag: descriptions/operation.ts), checked
	 * over the run's whole input before any item sends (parameters/deleteGuard.ts).
	 */
	deletes?: 'files' | 'folders';
	/** Reads the envelope's result into the records output (one request operations). */
	result?: ResultReader;
	/** Replaces the single request, for operations of several steps (upload, listing, waiting, downloading). */
	steps?: (run: ItemRun) => Promise<OperationOutput[]>;
	/** Its records have more than 10 fields: the node's Simplify (as a tool: Output) applies to them (output/simplify.ts). */
	simplify?: RecordKind;
}

/** An operation as the node description needs it: its picker entry (with routing), and its spec's fields. */
export interface Operation {
	spec: OperationSpec;
	option: INodePropertyOptions;
}
