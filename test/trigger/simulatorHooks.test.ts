/** Contract test of the simulator's request hook (added for the trigger's mid-listing tests). */
import { request } from 'undici';
import { HighloadSimulator } from '../simulator';

test('onRequest runs before the answer, per endpoint, until removed', async () => {
	const sim = await HighloadSimulator.start();
	try {
		const seen: string[] = [];
		const stop = sim.onRequest('file/listfolder', (query) => {
			seen.push(query.page);
			if (query.page === '1') sim.addFile({ name: 'added-by-hook.mp4' });
		});
		const list = async (page: number) => {
			const res = await request(`${sim.url}/file/listfolder?login=${sim.login}&key=${sim.key}&page=${page}`);
			return (await res.body.json()) as { result: { files: Array<{ name: string }> } };
		};
		expect((await list(1)).result.files.map((f) => f.name)).toEqual(['added-by-hook.mp4']);
		await request(`${sim.url}/account/info?login=${sim.login}&key=${sim.key}`).then((res) => res.body.dump());
		stop();
		await list(1);
		expect(seen).toEqual(['1']);
		expect(sim.state.files.size).toBe(1);
	} finally {
		await sim.close();
	}
});
