import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/**
 * Every documentation link the package ships (codex files, credential, node descriptions) and every in-page link of
 * the README lands on a heading that exists in the README, with GitHub's anchor rules. Reads what ships: dist/.
 */
const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage: string; n8n: { nodes: string[]; credentials: string[] } };
const REPO_URL = pkg.homepage.replace(/#.*$/, '');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** GitHub's heading anchors: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	let fence: string | null = null;
	for (const line of markdown.split('\n')) {
		const fenceMatch = /^\s*(```|~~~)/.exec(line);
		if (fenceMatch) {
			if (fence === null) fence = fenceMatch[1];
			else if (fence === fenceMatch[1]) fence = null;
			continue;
		}
		if (fence !== null) continue;
		const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const text = heading[1]
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images keep their text
			.replace(/<[^>]+>/g, ''); // inline HTML
		const base = text
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count === 0 ? base : `${base}-${count}`);
	}
	return anchors;
}

/** The documentation links of the built package: codex resources, the credential's documentationUrl, node descriptions. */
function shippedDocumentationUrls(): Array<{ where: string; url: string }> {
	const found: Array<{ where: string; url: string }> = [];
	const nodeDirs = new Set(pkg.n8n.nodes.map((file) => join(ROOT, file, '..')));
	for (const dir of nodeDirs) {
		for (const file of readdirSync(dir).filter((name) => name.endsWith('.node.json'))) {
			const codex = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { resources?: Record<string, Array<{ url: string }>> };
			for (const [kind, links] of Object.entries(codex.resources ?? {})) {
				for (const { url } of links) found.push({ where: `${file} ${kind}`, url });
			}
		}
	}
	for (const file of pkg.n8n.credentials) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(join(ROOT, file)) as Record<string, new () => { name: string; documentationUrl?: string }>;
		for (const Type of Object.values(module)) {
			const credential = new Type();
			if (credential.documentationUrl) found.push({ where: `credential ${credential.name}`, url: credential.documentationUrl });
		}
	}
	for (const file of pkg.n8n.nodes) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(join(ROOT, file)) as Record<string, new () => { description: { name: string; documentationUrl?: string } }>;
		for (const Type of Object.values(module)) {
			const { description } = new Type();
			if (description.documentationUrl) found.push({ where: `node ${description.name}`, url: description.documentationUrl });
		}
	}
	return found;
}

describe('documentation links', () => {
	const anchors = headingAnchors(readme);

	test('the heading parser follows GitHub: code blocks skipped, punctuation dropped, repeats numbered', () => {
		expect([...headingAnchors('# A `b` (c)\n```\n# not a heading\n```\n## Try it: `npm start`\n## A b c\n')]).toEqual([
			'a-b-c',
			'try-it-npm-start',
			'a-b-c-1',
		]);
		expect(anchors).toEqual(expect.objectContaining({ size: expect.any(Number) }));
		expect(anchors.has('credentials')).toBe(true);
	});

	test('every documentation URL the package ships lands on an existing README heading', () => {
		const urls = shippedDocumentationUrls();
		// Both nodes' codex files (credential and primary documentation) and the credential.
		expect(urls.length).toBeGreaterThanOrEqual(5);
		const broken = urls.filter(({ url }) => {
			if (!url.startsWith(`${REPO_URL}#`)) return true; // every link points at this README
			return !anchors.has(decodeURIComponent(url.slice(REPO_URL.length + 1)));
		});
		expect(broken).toEqual([]);
	});

	test("the README's own #links land on its headings", () => {
		const links = [...readme.matchAll(/\]\(#([^)\s]+)\)/g)].map((match) => decodeURIComponent(match[1]));
		expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([]);
	});
});
