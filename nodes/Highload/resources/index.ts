import type { INodeProperties } from 'n8n-workflow';

import { operationPicker, resourceFields } from '../descriptions/operation';
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
	...resources.map((resource) => operationPicker(resource, resource.operations)),
	...resources.flatMap((resource) => resourceFields(resource, resource.operations)),
	// Simplify (as an AI tool: Output) for the operations whose records have more than 10 fields, after their fields.
	...outputProperties(
		resources.flatMap((resource) =>
			resource.operations.flatMap(({ spec }) => (spec.simplify ? [{ resource: resource.value, operation: spec.value, kind: spec.simplify }] : [])),
		),
	),
];
