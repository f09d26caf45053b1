import { useHighload } from '../support/setup';

describe('folder "From list" search by id', () => {
	const t = useHighload();

	test('typing a folder id finds that folder, with its path', async () => {
		const videos = t.sim.addFolder('videos');
		const deep = t.sim.addFolder('deep', t.sim.addFolder('series', videos.id).id);
		t.sim.addFolder('other');
		const found = await t.engine.listSearch('searchFolders', ` ${deep.id} `);
		expect(found.results).toEqual([{ name: 'videos/series/deep', value: deep.id }]);
		expect(found.paginationToken).toBeUndefined();
	});
});
