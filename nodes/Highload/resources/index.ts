import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../descriptions/operation';
import { outputProperties } from '../output/simplify';
import { accountResource } from './account';
import { conversionResource } from './conversion';
import { fileResource } from './file';
import { folderResource } from './folder';
import { remoteUploadResource } from './remoteUpload';

const resources = [accountResource, conversionResource, fileResource, folderResource, remoteUploadResource];

const resourcePicker: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: resources.map(({ name, value }) => ({ name, value })),
	default: 'file',
};

/** The node's parameters: the resource picker, each resource's operation picker, then each resource's fields. */
export const operationProperties: INodeProperties[] = [
	resourcePicker,
	...resources.map(({ value, operations }) => operationPicker(value, operations)),
	...resources.flatMap(({ fields }) => fields),
	// Simplify (as an AI tool: Output) for the operations whose records have more than 10 fields, after their fields.
	...outputProperties(
		resources.flatMap(({ value, operations }) =>
			operations.flatMap((operation) => (operation.simplify ? [{ resource: value, operation: String(operation.option.value), kind: operation.simplify }] : [])),
		),
	),
];
