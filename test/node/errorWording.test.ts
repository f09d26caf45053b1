/**
 * n8n's UX guidelines on error texts: no "error", "problem", "failure", "mistake". Two nets:
 * - at run time, the harness checks every error any test provokes (test/harness/errorWording.ts): node runs, error
 *   items, polls, folder searches, the credential test — shown here to catch a badly worded error;
 * - statically, every text literal the built package holds (dist/), so an error no test provokes is covered too:
 *   interpolations (`${error.message}`) are code, not words; a status value is quoted ('error').
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeType } from 'n8n-workflow';
import { join } from 'path';

import { PACKAGE_ROOT } from '../harness';
import { bannedWordIn, ownWords } from '../harness/errorWording';
import { useHighload } from '../support/setup';

function builtFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? builtFiles(path) : path.endsWith('.js') ? [path] : [];
	});
}

/** The text literals of a built file (comments dropped, single identifiers such as 'error' or 'Error' skipped). */
function textLiterals(source: string): string[] {
	const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
	const literals = code.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
	return literals.map((literal) => literal.slice(1, -1).replace(/\$\{[^}]*\}/g, '…')).filter((text) => /\s/.test(text));
}

describe('error texts avoid "error", "problem", "failure", "mistake"', () => {
	test('the rule: our own words count; quoted values and what Highload said do not', () => {
		expect(bannedWordIn('Network error ECONNRESET')).toBe('error');
		expect(bannedWordIn('The upload failed: a failure of the server')).toBe('failure');
		expect(bannedWordIn('The network connection dropped (ECONNRESET)')).toBeUndefined();
		expect(bannedWordIn("Highload could not fetch remote upload \"abc\" (its status is 'error')")).toBeUndefined();
		expect(bannedWordIn('Highload refused the request (403). Highload said: Permission error')).toBeUndefined();
		expect(ownWords("n8n's SSRF protection blocked it; Highload's 'error' status")).toBe("n8n's SSRF protection blocked it; Highload's  status");
	});

	test('every text literal of the built package passes (errors no test provokes included)', () => {
		const files = [...builtFiles(join(PACKAGE_ROOT, 'dist', 'nodes')), ...builtFiles(join(PACKAGE_ROOT, 'dist', 'credentials'))];
		const texts = files.flatMap((file) => textLiterals(readFileSync(file, 'utf8')).map((text) => ({ file: file.slice(PACKAGE_ROOT.length + 1), text })));
		expect(texts.length).toBeGreaterThan(200);
		expect(texts.filter(({ text }) => bannedWordIn(text)).map(({ file, text }) => `${file}: ${text}`)).toEqual([]);
	});

	describe('the harness refuses a badly worded error of any test', () => {
		const t = useHighload();

		test('a node run whose error says "problem" fails the test that provoked it', async () => {
			class BadlyWorded implements INodeType {
				description = { ...t.engine.description('highload'), name: 'badlyWorded', properties: [] };
				async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
					throw new NodeOperationError(this.getNode(), 'The upload ran into a problem');
				}
			}
			t.engine.registerNodeType('n8n-nodes-highload.badlyWorded', new BadlyWorded() as INodeType);
			await expect(t.engine.runNode({ type: 'badlyWorded', parameters: {} })).rejects.toThrow(/says "problem", which n8n's UX guidelines ban/);
		});
	});
});
