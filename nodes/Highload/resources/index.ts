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

/** The node's whole parameter list: the resource picker, each resource's operation picker, then all fields. */
export const operationProperties: INodeProperties[] = [
	resourcePicker,
	...resources.map(({ value, operations }) => operationPicker(value, operations)),
	...resources.flatMap(({ operations }) => operations.flatMap((operation) => operation.fields)),
];
