import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

/**
 * CONTRIBUTING.md's code map of nodes/Highload/ against the tree: every file it names exists where it says, and every
 * folder and every file of a folder it describes file by file is named (resources/ and __schema__/ are described by
 * pattern). A file added, moved or renamed without the map following fails here.
 */
const ROOT = join(__dirname, '..', '..');
const NODE_DIR = join(ROOT, 'nodes', 'Highload');
const BY_PATTERN = new Set(['resources', '__schema__']);

/** The map's lines for nodes/Highload/, by folder ('' for the node folder itself), as one text each. */
function mapByFolder(): Map<string, string> {
	const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
	const section = contributing.slice(contributing.indexOf('## Code map'));
	const block = /```\n(nodes\/Highload\/\n[\s\S]*?)\n```/.exec(section)?.[1] ?? '';
	const folders = new Map<string, string>();
	let folder = '';
	for (const line of block.split('\n').slice(1)) {
		if (!line.startsWith('  ')) break;
		const heading = /^ {2}([\w_]+)\/\s/.exec(line);
		if (heading) folder = heading[1];
		folders.set(folder, `${folders.get(folder) ?? ''} ${line}`);
	}
	return folders;
}

const map = mapByFolder();
const folders = readdirSync(NODE_DIR).filter((name) => statSync(join(NODE_DIR, name)).isDirectory());

describe("CONTRIBUTING.md's code map", () => {
	test('describes nodes/Highload/ folder by folder', () => {
		expect(map.size).toBeGreaterThan(5);
		expect([...map.keys()].filter((folder) => folder !== '').sort()).toEqual([...folders].sort());
	});

	test.each([...map.entries()].filter(([folder]) => !BY_PATTERN.has(folder)))('every file named under "%s" exists there', (folder, text) => {
		const named = [...text.matchAll(/([\w.]+\.ts)\b/g)].map((match) => match[1]);
		expect(named.length).toBeGreaterThan(0);
		expect(named.filter((file) => !existsSync(join(NODE_DIR, folder, file)))).toEqual([]);
	});

	test('resources/ and __schema__/ have the shape the map gives', () => {
		const resources = readdirSync(join(NODE_DIR, 'resources')).filter((name) => statSync(join(NODE_DIR, 'resources', name)).isDirectory());
		expect(existsSync(join(NODE_DIR, 'resources', 'index.ts'))).toBe(true);
		for (const resource of resources) {
			expect([resource, existsSync(join(NODE_DIR, 'resources', resource, 'index.ts')), existsSync(join(NODE_DIR, 'resources', resource, 'resource.ts'))]).toEqual([resource, true, true]);
		}
		expect(readdirSync(join(NODE_DIR, '__schema__'))).toEqual(['v1.0.0']);
	});

	test.each(folders.filter((folder) => !BY_PATTERN.has(folder)))('names every file of %s/', (folder) => {
		const text = map.get(folder) ?? '';
		const unnamed = readdirSync(join(NODE_DIR, folder)).filter((file) => !new RegExp(`\\b${file.replace(/\./g, '\\.')}\\b`).test(text));
		expect(unnamed).toEqual([]);
	});

	test('names the node files', () => {
		const top = readdirSync(NODE_DIR).filter((file) => file.endsWith('.ts'));
		expect(top.filter((file) => !(map.get('') ?? '').includes(file))).toEqual([]);
	});
});
