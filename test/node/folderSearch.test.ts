import type { INodeListSearchResult } from 'n8n-workflow';

import { Engine } from '../harness';
import { useHighload, type TestContext } from '../support/setup';

type Page = INodeListSearchResult;

/** The search followed to its end as the editor does (each call once the user scrolls), every page kept. */
async function follow(t: TestContext, filter?: string, engine: Engine = t.engine): Promise<Page[]> {
	const pages: Page[] = [];
	let token: string | undefined;
	do {
		const page = await engine.listSearch('searchFolders', filter, undefined, token);
		pages.push(page);
		token = page.paginationToken as string | undefined;
	} while (token !== undefined && pages.length < 500);
	return pages;
}

const names = (pages: Page[]) => pages.flatMap((page) => page.results.map((result) => result.name));

describe('folder "From list" search', () => {
	const t = useHighload();

	test('lists every folder with its path, sorted, and filters by the search text', async () => {
		const videos = t.sim.addFolder('videos');
		const series = t.sim.addFolder('series', videos.id);
		t.sim.addFolder('film', videos.id);
		t.sim.addFolder('Season 1', series.id);
		t.sim.addFolder('archive');
		t.sim.addFiles(450, videos.id);

		const all = await t.engine.listSearch('searchFolders');
		expect(all.results.map((result) => result.name)).toEqual([
			'archive',
			'videos',
			'videos/film',
			'videos/series',
			'videos/series/Season 1',
		]);
		expect(all.results.find((result) => result.name === 'videos/series')!.value).toBe(series.id);

		const filtered = await t.engine.listSearch('searchFolders', 'SERIES');
		expect(filtered.results.map((result) => result.name)).toEqual(['videos/series', 'videos/series/Season 1']);
	});

	test('a failing listing shows the error instead of an empty list', async () => {
		t.sim.fault('file/listfolder', { kind: { status: 403, msg: 'Permission denied' } });
		await expect(t.engine.listSearch('searchFolders')).rejects.toThrow(
			'Highload refused the request (403): wrong API Login or API Key, or the file or folder is not yours',
		);
	});
});

describe('folder search that never stalls (issue #21)', () => {
	const t = useHighload();

	/** 30 parents × 10 children × 1 grandchild (630 folders); three grandchildren, deep in the walk, are called "needle". */
	function seedDeepTree() {
		const needles: string[] = [];
		for (let p = 0; p < 30; p++) {
			const parent = t.sim.addFolder(`parent ${String(p).padStart(2, '0')}`);
			for (let c = 0; c < 10; c++) {
				const child = t.sim.addFolder(`child ${c}`, parent.id);
				const needle = (p === 11 && c === 3) || (p === 24 && c === 0) || (p === 29 && c === 9);
				t.sim.addFolder(needle ? 'needle' : `leaf ${c}`, child.id);
				if (needle) needles.push(`parent ${String(p).padStart(2, '0')}/child ${c}/needle`);
			}
		}
		return needles;
	}

	test('few matches deep in 630 folders: every call returns a match or ends the list, and the calls reach every match', async () => {
		const needles = seedDeepTree();
		const pages = await follow(t, 'needle');
		expect(names(pages)).toEqual(needles);
		// No page with nothing in it and a token: n8n's editor would not ask again by itself.
		for (const page of pages) if (page.paginationToken !== undefined) expect(page.results.length).toBeGreaterThan(0);
		expect(pages[pages.length - 1].paginationToken).toBeUndefined();
		// Each folder listed once over the whole chain: the root and 630 folders.
		expect(t.sim.countRequests('file/listfolder')).toBe(631);
	});

	test('no search text: every folder once, no empty page with a token', async () => {
		seedDeepTree();
		const pages = await follow(t);
		expect(new Set(names(pages)).size).toBe(630);
		expect(names(pages)).toHaveLength(630);
		for (const page of pages) if (page.paginationToken !== undefined) expect(page.results.length).toBeGreaterThan(0);
	});

	test('the token carries the position: a freshly loaded package (no module state) continues it', async () => {
		const needles = seedDeepTree();
		const first = await t.engine.listSearch('searchFolders', 'needle');
		expect(first.results.map((result) => result.name)).toEqual([needles[0]]);
		let token = first.paginationToken as string | undefined;
		expect(token).toBeDefined();
		const rest: string[] = [];
		await jest.isolateModulesAsync(async () => {
			// A second copy of n8n-core, n8n-workflow and the package, as another n8n process would have.
			const { Engine: FreshEngine } = (await import('../harness')) as typeof import('../harness');
			const fresh = await FreshEngine.load();
			fresh.setCredential({ login: t.sim.login, apiKey: t.sim.key, baseUrl: t.sim.url });
			const searchOf = (engine: Engine) => engine.nodeTypes.getByNameAndVersion('n8n-nodes-highload.highload').methods?.listSearch?.searchFolders;
			expect(searchOf(fresh)).toBeDefined();
			expect(searchOf(fresh)).not.toBe(searchOf(t.engine));
			while (token !== undefined) {
				const page = await fresh.listSearch('searchFolders', 'needle', undefined, token);
				rest.push(...page.results.map((result) => result.name));
				token = page.paginationToken as string | undefined;
			}
		});
		expect(rest).toEqual(needles.slice(1));
	});

	test('two searches at once (two editors) do not disturb each other', async () => {
		const needles = seedDeepTree();
		const a = await t.engine.listSearch('searchFolders', 'needle');
		const b = await t.engine.listSearch('searchFolders');
		const again = await t.engine.listSearch('searchFolders', 'needle', undefined, a.paginationToken as string);
		expect([...a.results, ...again.results].map((result) => result.name)).toEqual(needles.slice(0, 2));
		expect(b.results.length).toBeGreaterThan(0);
	});

	test('the time bound: a first call without a match fails saying what to do; a later one ends the list', async () => {
		// Each listing request moves the clock on 7 s; the search lists the root, then 5 folders at a time: the 60 s bound
		// is found passed after the third batch (11 listings, 77 s).
		const realNow = Date.now.bind(Date);
		let offset = 0;
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
		t.sim.onRequest('file/listfolder', () => (offset += 7_000));
		try {
			t.sim.addFolder('needle 0');
			for (let i = 0; i < 30; i++) t.sim.addFolder(`folder ${i}`);
			await expect(t.engine.listSearch('searchFolders', 'nowhere')).rejects.toThrow('No folder matching "nowhere" found in 11 folders searched so far');
			expect(t.sim.countRequests('file/listfolder')).toBe(11);

			const first = await t.engine.listSearch('searchFolders', 'needle');
			expect(first.results.map((result) => result.name)).toEqual(['needle 0']);
			offset = 0;
			const next = await t.engine.listSearch('searchFolders', 'needle', undefined, first.paginationToken as string);
			expect(next).toEqual({ results: [] });
		} finally {
			clock.mockRestore();
		}
	});

	test('an unreadable token fails clearly instead of starting over', async () => {
		await expect(t.engine.listSearch('searchFolders', undefined, undefined, 'bm90IGEgdG9rZW4')).rejects.toThrow(
			'The folder list could not continue where it stopped',
		);
		expect(t.sim.requests).toHaveLength(0);
	});

	test.each([
		['paged with the files', false],
		['repeated on every page', true],
	])('450 subfolders at one level, folders %s: each listed once, a search finds the last', async (_mode, repeated) => {
		t.sim.options.foldersOnEveryPage = repeated;
		const wide = t.sim.addFolder('wide');
		const subs = Array.from({ length: 450 }, (_, i) => t.sim.addFolder(`sub ${String(i).padStart(3, '0')}`, wide.id));
		t.sim.addFiles(30, wide.id);
		const all = names(await follow(t));
		expect(all).toHaveLength(451);
		expect(new Set(all).size).toBe(451);
		const last = await follow(t, 'sub 449');
		expect(last.flatMap((page) => page.results)).toEqual([{ name: 'wide/sub 449', value: subs[449].id }]);
	});
});
