import { createReadStream } from 'fs';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

/** What a test feeds into the node under test: JSON, and binaries made by n8n's own binary helpers. */
export interface InputItem {
	json?: Record<string, unknown>;
	binary?: Record<string, { content?: Buffer; path?: string; fileName?: string; mimeType?: string }>;
}

const inputsByKey = new Map<string, InputItem[]>();
let nextKey = 0;

export function registerInput(items: InputItem[]): string {
	const key = `input-${nextKey++}`;
	inputsByKey.set(key, items);
	return key;
}

const description = (name: string, displayName: string): INodeTypeDescription => ({
	displayName,
	name,
	group: ['input'],
	version: 1,
	description: displayName,
	defaults: { name: displayName },
	inputs: ['main'],
	outputs: ['main'],
	properties: [{ displayName: 'Key', name: 'key', type: 'string', default: '' }],
});

/**
 * Starts a test workflow with the items a test registered. Binaries go through `prepareBinaryData`, so they land
 * in n8n's binary data service exactly as a Read Files node would put them (memory or filesystem mode); a
 * `path` is streamed in, never read whole.
 */
export class HarnessInput implements INodeType {
	description = description('harnessInput', 'Test Input');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const key = this.getNodeParameter('key', 0) as string;
		const items = inputsByKey.get(key) ?? [{ json: {} }];
		const output: INodeExecutionData[] = [];
		for (const [index, item] of items.entries()) {
			const binary: INodeExecutionData['binary'] = {};
			for (const [property, spec] of Object.entries(item.binary ?? {})) {
				const source = spec.path ? createReadStream(spec.path) : (spec.content ?? Buffer.alloc(0));
				binary[property] = await this.helpers.prepareBinaryData(source, spec.fileName, spec.mimeType);
			}
			output.push({ json: (item.json ?? {}) as INodeExecutionData['json'], binary, pairedItem: { item: index } });
		}
		return [output];
	}
}
