import type { INodeProperties } from 'n8n-workflow';

import { operationPicker, type Operation } from '../shared/operation';
import { accountOperations } from './account';
import { conversionOperations } from './conversion';
import { fileOperations } from './file';
import { folderOperations } from './folder';
import { remoteUploadOperations } from './remoteUpload';

const resources: Array<{ name: string; value: string; operations: Operation[] }> = [
	{ name: 'Account', value: 'account', operations: accountOperations },
	{ name: 'Conversion', value: 'conversion', operations: conversionOperations },
	{ name: 'File', value: 'file', operations: fileOperations },
	{ name: 'Folder', value: 'folder', operations: folderOperations },
	{ name: 'Remote Upload', value: 'remoteUpload', operations: remoteUploadOperations },
];

const resourcePicker: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: resources.map(({ name, value }) => ({ name, value })),
	default: 'file',
};

/** `resource/operation` pairs that exist. */
const existingPairs = new Set(resources.flatMap(({ value, operations }) => operations.map((operation) => `${value}/${operation.option.value}`)));

/**
 * The leading field that several operations define alike (File in Get, Rename, Move, Delete...; the optional Folder
 * of List, Upload and Get Upload URL) appears once, shown for all of them. The editor then keeps its value when the
 * user switches between those operations, and n8n's declarative engine, which evaluates every parameter definition
 * for every item, evaluates an expression in it once instead of once per copy. Only leading fields are merged, so
 * every operation still shows its fields in its own order; and never across resources where n8n's displayOptions,
 * which combine resources and operations crosswise, would show the field for another existing operation.
 */
function mergeSharedFields(operations: Operation[]): INodeProperties[] {
	const groups = new Map<string, INodeProperties[]>();
	const fields: Array<INodeProperties | INodeProperties[]> = [];
	for (const operation of operations) {
		const [leading, ...rest] = operation.fields;
		if (leading) {
			// Alike = the same definition once the resource and operation it is shown for are set aside.
			const { resource, operation: shownFor, ...show } = leading.displayOptions?.show ?? {};
			const key = JSON.stringify({ ...leading, displayOptions: { ...leading.displayOptions, show } });
			const group = groups.get(key);
			if (group) {
				group.push(leading);
			} else {
				groups.set(key, [leading]);
				fields.push(groups.get(key)!);
			}
		}
		fields.push(...rest);
	}
	return fields.flatMap((entry) => (Array.isArray(entry) ? mergeGroup(entry) : [entry]));
}

const showOf = (field: INodeProperties, key: 'resource' | 'operation') => field.displayOptions!.show![key] as string[];

/** One field shown for all operations of the group, or one per resource where one for all would show too much. */
function mergeGroup(group: INodeProperties[]): INodeProperties[] {
	const pairs = new Set(group.map((field) => `${showOf(field, 'resource')[0]}/${showOf(field, 'operation')[0]}`));
	const resourceValues = [...new Set(group.map((field) => showOf(field, 'resource')[0]))];
	const operationValues = group.map((field) => showOf(field, 'operation')[0]);
	const crosswiseExact = resourceValues.every((resource) =>
		operationValues.every((operation) => !existingPairs.has(`${resource}/${operation}`) || pairs.has(`${resource}/${operation}`)),
	);
	const parts = crosswiseExact ? [group] : resourceValues.map((resource) => group.filter((field) => showOf(field, 'resource')[0] === resource));
	return parts.map((part) => ({
		...part[0],
		displayOptions: {
			...part[0].displayOptions,
			show: {
				...part[0].displayOptions!.show,
				resource: [...new Set(part.map((field) => showOf(field, 'resource')[0]))],
				operation: part.map((field) => showOf(field, 'operation')[0]),
			},
		},
	}));
}

/** The node's whole parameter list: the resource picker, each resource's operation picker, then all fields. */
export const operationProperties: INodeProperties[] = [
	resourcePicker,
	...resources.map(({ value, operations }) => operationPicker(value, operations)),
	...mergeSharedFields(resources.flatMap(({ operations }) => operations)),
];
