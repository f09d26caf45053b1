import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { resolveOutputSchemaPath } from 'n8n-core';
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { dirname, join, relative } from 'path';

import { Engine, PACKAGE_ROOT } from '../harness';
import type { SimulatorOptions } from '../simulator';
import { jsonOf, useHighload } from '../support/setup';
import { outputCases } from './cases';

/**
 * The output schemas the package ships (nodes/Highload/__schema__/v1.0.0/<resource>/<operation>.json, copied into
 * dist/ by tsc): n8n 2.41 serves them at /schemas/<node type>/<version>/<resource>/<operation>.json and shows them in
 * the Schema view and to AI agents before the node ever ran. Found where n8n's own resolver looks, one per operation,
 * and true: what each operation outputs has exactly the fields and types its schema names.
 */
interface JsonSchema {
	type: string | string[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
	description?: string;
}

const NODE_FILE = join(PACKAGE_ROOT, 'dist', 'nodes', 'Highload', 'Highload.node.js');

/** The node's one version: n8n asks for the schemas of the exact version a node in a workflow has. */
const NODE_VERSION = 1;

function schemaFor(resource: string, operation: string, version = NODE_VERSION): { file: string | undefined; schema: JsonSchema | undefined } {
	const file = resolveOutputSchemaPath({ nodeDir: dirname(NODE_FILE), version, resource, operation });
	const schema = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as JsonSchema) : undefined;
	return { file, schema };
}

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Where `value` breaks `schema`: wrong types, missing required fields, fields the schema does not name. */
export function violations(value: unknown, schema: JsonSchema, at = '$'): string[] {
	const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
	const actual = typeOf(value);
	if (!allowed.includes(actual)) return [`${at}: ${actual}, schema says ${allowed.join(' or ')}`];
	const found: string[] = [];
	if (actual === 'object' && schema.properties) {
		const object = value as IDataObject;
		for (const key of schema.required ?? []) if (!(key in object)) found.push(`${at}.${key}: missing`);
		for (const [key, field] of Object.entries(object)) {
			const property = schema.properties[key];
			if (!property) found.push(`${at}.${key}: not in the schema`);
			else found.push(...violations(field, property, `${at}.${key}`));
		}
	}
	if (actual === 'array' && schema.items) (value as unknown[]).forEach((item, i) => found.push(...violations(item, schema.items!, `${at}[${i}]`)));
	return found;
}

describe('output schemas', () => {
	let operations: Array<[string, string]> = [];
	let version: unknown;
	beforeAll(async () => {
		const description = (await Engine.load()).description('highload');
		version = description.version;
		const resources = description.properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[];
		operations = resources.flatMap(({ value: resource }) => {
			const operation = description.properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource))!;
			return (operation.options as INodePropertyOptions[]).map(({ value }) => [String(resource), String(value)] as [string, string]);
		});
	});

	test('one schema per operation, where n8n looks for it, in the form the editor accepts', () => {
		expect(operations.length).toBeGreaterThan(15);
		expect(version).toBe(NODE_VERSION);
		for (const [resource, operation] of operations) {
			const { file, schema } = schemaFor(resource, operation);
			expect([`${resource}/${operation}`, schema === undefined ? `missing: ${file}` : 'found']).toEqual([`${resource}/${operation}`, 'found']);
			// The editor drops a schema that is not an object with a non-empty `properties`.
			expect(schema!.type).toBe('object');
			expect(Object.keys(schema!.properties ?? {}).length).toBeGreaterThan(0);
			for (const key of schema!.required ?? []) expect(schema!.properties).toHaveProperty([key]);
		}
	});

	test('no schema without an operation, and every operation has a case below', () => {
		const base = join(dirname(NODE_FILE), '__schema__');
		const shipped: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else shipped.push(relative(base, path));
			}
		};
		walk(base);
		const expected = operations.map(([resource, operation]) => `v1.0.0/${resource}/${operation}.json`);
		expect(shipped.sort()).toEqual(expected.sort());
		const covered = new Set(outputCases.map((c) => `${c.resource}/${c.operation}`));
		expect(operations.map(([resource, operation]) => `${resource}/${operation}`).filter((key) => !covered.has(key))).toEqual([]);
	});
});

const servers: Array<[string, SimulatorOptions]> = [
	['numbers as strings, HTTP status mirrors the envelope', { numbers: 'strings', httpStatus: 'mirror', remoteStatusShape: 'object' }],
	['numbers as numbers, always HTTP 200, status as a map', { numbers: 'numbers', httpStatus: 'always200', remoteStatusShape: 'map' }],
];

describe.each(servers)('every output matches its schema — %s', (_label, options) => {
	const t = useHighload(options);
	test.each(outputCases.map((c) => [`${c.resource} → ${c.operation}${c.label ? ` (${c.label})` : ''}`, c] as const))('%s', async (_name, c) => {
		const { parameters = {}, input } = c.setup(t.sim);
		const run = await t.run(c.resource, c.operation, parameters, { input });
		expect(run.error).toBeUndefined();
		const items = jsonOf(run);
		expect(items.length).toBeGreaterThan(0);
		const { schema } = schemaFor(c.resource, c.operation);
		expect(items.flatMap((item, i) => violations(item, schema!, `item ${i}`))).toEqual([]);
	});
});
