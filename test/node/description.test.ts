import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

import { NodeHelpers, type INodeProperties, type INodePropertyOptions, type INodeTypeDescription } from 'n8n-workflow';

import { Engine } from '../harness';

/** The fields each operation shows in the editor (besides the resource and operation pickers). */
const expectedFields: Record<string, string[]> = {
	'account/get': [],
	'file/get': ['fileId', 'simplify'],
	'file/rename': ['fileId', 'name'],
	'file/move': ['fileId', 'folderId'],
	'file/delete': ['fileId', 'options'],
	'file/getThumbnail': ['fileId', 'options'],
	'file/getUploadUrl': ['folderId'],
	'file/upload': ['folderId', 'binaryPropertyName', 'options', 'simplify'],
	'folder/list': ['folderId', 'returnAll', 'limit', 'filters', 'options', 'sort', 'simplify'],
	'folder/create': ['name', 'parentFolderId', 'options'],
	'folder/rename': ['folderId', 'name'],
	'folder/delete': ['folderId', 'deleteNotice', 'options'],
	'remoteUpload/add': ['url', 'folderId', 'options', 'simplify'],
	'remoteUpload/get': ['remoteUploadId', 'options', 'simplify'],
	'remoteUpload/remove': ['remoteUploadId'],
	'remoteUpload/removeAll': ['removeAllNotice'],
	'remoteUpload/restartFailed': [],
	'conversion/getRunning': [],
};

describe('Highload node description', () => {
	let description: INodeTypeDescription;
	let properties: INodeProperties[];
	beforeAll(async () => {
		description = (await Engine.load()).description('highload');
		properties = description.properties;
	});

	const pickerOptions = (name: string, resource?: string) =>
		properties
			.filter((property) => property.name === name && (!resource || (property.displayOptions?.show?.resource as string[]).includes(resource)))
			.flatMap((property) => property.options as INodePropertyOptions[]);

	test('offers exactly the documented resources and operations, sorted, each with an action', () => {
		const offered = pickerOptions('resource').flatMap((resource) =>
			pickerOptions('operation', resource.value as string).map((operation) => `${resource.value}/${operation.value}`),
		);
		expect(offered.sort()).toEqual(Object.keys(expectedFields).sort());
		for (const name of ['resource', 'operation']) {
			for (const picker of properties.filter((property) => property.name === name)) {
				const names = (picker.options as INodePropertyOptions[]).map((option) => option.name);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			}
		}
		expect(pickerOptions('operation').every((operation) => typeof operation.action === 'string' && operation.action.length > 0)).toBe(true);
	});

	test.each(Object.entries(expectedFields))('%s shows exactly its own fields, each once', (pair, fields) => {
		const [resource, operation] = pair.split('/');
		const parameters = { resource, operation, returnAll: false };
		const shown = properties
			.filter((property) => !['resource', 'operation', 'requestOptions'].includes(property.name))
			.filter((property) => NodeHelpers.displayParameter(parameters, property, { typeVersion: 1 }, description));
		expect(shown.map((property) => property.name)).toEqual(fields);
	});

	test('as an AI tool (n8n names the generated type highloadTool), the same operations offer Output instead of Simplify', () => {
		const tool = { ...description, name: 'highloadTool' };
		const shownAs = (owner: INodeTypeDescription, parameters: Record<string, unknown>) =>
			properties
				.filter((property) => ['simplify', 'output', 'fields'].includes(property.name))
				.filter((property) => NodeHelpers.displayParameter(parameters as never, property, { typeVersion: 1 }, owner))
				.map((property) => property.name);
		const simplified = Object.entries(expectedFields).filter(([, fields]) => fields.includes('simplify'));
		expect(simplified.map(([pair]) => pair)).toEqual(['file/get', 'file/upload', 'folder/list', 'remoteUpload/add', 'remoteUpload/get']);
		for (const [pair] of simplified) {
			const [resource, operation] = pair.split('/');
			expect([pair, shownAs(tool, { resource, operation })]).toEqual([pair, ['output']]);
			expect([pair, shownAs(tool, { resource, operation, output: 'selected' })]).toEqual([pair, ['output', 'fields']]);
			expect([pair, shownAs(description, { resource, operation, output: 'selected' })]).toEqual([pair, ['simplify']]);
		}
	});

	test("a field's own display rule stays: Limit shows only while Return All is off", () => {
		const shown = (returnAll: boolean) =>
			properties
				.filter((property) => NodeHelpers.displayParameter({ resource: 'folder', operation: 'list', returnAll }, property, { typeVersion: 1 }, description))
				.map((property) => property.name);
		expect(shown(false)).toContain('limit');
		expect(shown(true)).not.toContain('limit');
	});

	test('a field shown by several operations is declared once, listing them all', () => {
		const fileFields = properties.filter((property) => property.name === 'fileId');
		expect(fileFields).toHaveLength(1);
		expect(fileFields[0].displayOptions?.show?.operation).toEqual(['get', 'rename', 'move', 'delete', 'getThumbnail']);
		const remoteUploadIds = properties.filter((property) => property.name === 'remoteUploadId');
		expect(remoteUploadIds.map((property) => property.displayOptions?.show?.operation)).toEqual([['get', 'remove']]);
	});

	test('every parameter the code reads by name is a field of the node or the trigger (a renamed field cannot be missed)', async () => {
		const trigger = (await Engine.load()).description('highloadTrigger').properties;
		const names = new Set([...properties, ...trigger].map((property) => property.name));
		const sources = (dir: string): string[] =>
			readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? sources(join(dir, name)) : name.endsWith('.ts') ? [join(dir, name)] : []));
		const read = sources(join(__dirname, '..', '..', 'nodes')).flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/getNodeParameter\(\s*'([A-Za-z]+)'/g)].map((match) => match[1]),
		);
		expect(read.length).toBeGreaterThan(10);
		expect([...new Set(read)].filter((name) => !names.has(name))).toEqual([]);
	});

	test('every folder field of the node and the trigger offers From List, By ID and By Path', async () => {
		const trigger = (await Engine.load()).description('highloadTrigger').properties;
		const folderFields = [...properties, ...trigger].filter((property) => property.type === 'resourceLocator' && /folder/i.test(property.name));
		expect(folderFields).toHaveLength(8);
		for (const field of folderFields) expect(field.modes!.map((mode) => mode.name)).toEqual(['list', 'id', 'path']);
	});

	test('the new options keep the names saved workflows will use', () => {
		const optionsOf = (resource: string, operation: string) =>
			properties
				.filter((property) => property.name === 'options' && NodeHelpers.displayParameter({ resource, operation }, property, { typeVersion: 1 }, description))
				.flatMap((property) => (property.options as INodeProperties[]).map((option) => option.name));
		expect(optionsOf('file', 'upload')).toEqual(['createMissingFolders', 'fileName', 'ifSameFileExists', 'compareBy', 'verifyChecksum']);
		expect(optionsOf('remoteUpload', 'add')).toEqual(['createMissingFolders', 'skipIfAlreadyAdded', 'waitForCompletion', 'waitTimeout']);
		expect(optionsOf('remoteUpload', 'get')).toEqual(['waitForCompletion', 'waitTimeout']);
		expect(optionsOf('folder', 'create')).toEqual(['createMissingFolders']);
	});
});
