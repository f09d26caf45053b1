import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join } from 'path';

import { headingAnchors } from '../support/markdown';

/**
 * The documents a reader moves between (README, CONTRIBUTING, CHANGELOG, docs/, bench/README.md): every relative link
 * names a file that exists, and every `file.md#anchor` a heading of that file. The README opens with the two commands
 * a fresh machine needs, and CI runs the same test command.
 */
const ROOT = join(__dirname, '..', '..');
const documents = [
	'README.md',
	'CONTRIBUTING.md',
	'CHANGELOG.md',
	'bench/README.md',
	...readdirSync(join(ROOT, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`),
];

/** Markdown links and images outside code blocks and code spans: [text](target). */
function linkTargets(markdown: string): string[] {
	const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
	return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

describe('documentation', () => {
	test.each(documents)('every relative link of %s lands on a file and heading that exist', (document) => {
		const broken = linkTargets(readFileSync(join(ROOT, document), 'utf8'))
			.filter((target) => !/^[a-z]+:/i.test(target))
			.filter((target) => {
				const [file, anchor] = target.split('#');
				const path = file === '' ? join(ROOT, document) : join(ROOT, dirname(document), decodeURIComponent(file));
				if (!existsSync(path)) return true;
				if (anchor === undefined) return false;
				if (statSync(path).isDirectory() || !path.endsWith('.md')) return true;
				return !headingAnchors(readFileSync(path, 'utf8')).has(decodeURIComponent(anchor));
			})
			.map((target) => `${document}: ${target}`);
		expect(broken).toEqual([]);
	});

	test("the README opens with the command that runs the package in n8n and the test command, which .ci/run runs", () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const firstBlock = /```\w*\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
		expect(readme.indexOf('```')).toBeLessThan(readme.indexOf('\n## '));
		const commands = firstBlock.split('\n').map((line) => line.replace(/#.*$/, '').trim()).filter(Boolean);
		expect(commands).toEqual(['npm start', 'npm test']);
		expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm test\b/m);
	});
});
