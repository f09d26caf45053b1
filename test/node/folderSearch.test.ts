import { useHighload } from '../support/setup';

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
