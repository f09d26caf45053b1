import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { headingAnchors } from '../support/markdown';

/**
 * Every documentation link the package ships (codex files, credential, node descriptions) and every in-page link of
 * the README lands on a heading that exists in the README, with GitHub's anchor rules. Reads what ships: dist/.
 */
const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage: string; n8n: { nodes: string[]; credentials: string[] } };
const REPO_URL = pkg.homepage.replace(/#.*$/, '');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

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

/**
 * The Docs link n8n 2.41's node view (NDV) opens for a node, as its editor builds it (NodeSettingsTabs' docsUrl): the
 * node description's `documentationUrl` as it is when it starts with http, else the codex's first primaryDocumentation
 * URL with `?utm_source=n8n_app&…` appended — after the `#anchor`, so the anchor becomes
 * `highload-trigger?utm_source=…` and no longer names a heading.
 */
export function ndvDocsUrl(description: { name: string; documentationUrl?: string }, codexPrimaryUrl: string | undefined): string | undefined {
	if (description.documentationUrl?.startsWith('http')) return description.documentationUrl;
	const utm = new URLSearchParams({ utm_source: 'n8n_app', utm_medium: 'node_settings_modal-credential_link', utm_campaign: description.name });
	return codexPrimaryUrl ? `${codexPrimaryUrl}?${utm.toString()}` : undefined;
}

function ndvDocsLinks(): Array<{ node: string; url: string | undefined }> {
	return pkg.n8n.nodes.flatMap((file) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(join(ROOT, file)) as Record<string, new () => { description: { name: string; documentationUrl?: string } }>;
		const codex = JSON.parse(readFileSync(join(ROOT, file.replace(/\.js$/, '.json')), 'utf8')) as { resources?: { primaryDocumentation?: Array<{ url: string }> } };
		return Object.values(module).map((Type) => {
			const { description } = new Type();
			return { node: description.name, url: ndvDocsUrl(description, codex.resources?.primaryDocumentation?.[0]?.url) };
		});
	});
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

	// n8n appends its tracking query after a codex URL's #anchor; the node descriptions' own `documentationUrl` is used
	// as it is (README, "Documentation links").
	test("the Docs link n8n's node view opens for each node lands on a README heading", () => {
		const links = ndvDocsLinks();
		expect(links).toHaveLength(2);
		const broken = links.filter(({ url }) => !url || !url.startsWith(`${REPO_URL}#`) || !anchors.has(decodeURIComponent(url.slice(REPO_URL.length + 1))));
		expect(broken).toEqual([]);
	});

	test("the README's own #links land on its headings", () => {
		const links = [...readme.matchAll(/\]\(#([^)\s]+)\)/g)].map((match) => decodeURIComponent(match[1]));
		expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([]);
	});
});
