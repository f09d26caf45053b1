import { HighloadSimulator } from '../simulator';
import { fromList, idsOf, nodeState, useTrigger } from './setup';

/** The trigger at the edges: a baseline per account, a tree that changes while it is read, ids of any form. */
describe('Highload Trigger — safety', () => {
	const t = useTrigger();

	test('another account (another Base URL or login) records anew: no flood of its files', async () => {
		t.sim.addFiles(10);
		const trigger = t.poller({ event: 'newFile' });
		expect(await trigger.poll()).toBeNull();

		const other = await HighloadSimulator.start({ login: 'otherlogin', key: 'otherkey5678secret' });
		try {
			other.addFiles(300);
			t.engine.setCredential({ login: other.login, apiKey: other.key, baseUrl: other.url });
			expect(await trigger.poll()).toBeNull();
			const fresh = other.addFile({ name: 'fresh.mp4' });
			expect(idsOf(await trigger.poll())).toEqual([fresh.id]);
		} finally {
			await other.close();
		}
	});

	test('the same account keeps its baseline across credential re-reads', async () => {
		const trigger = t.poller({ event: 'newFile' });
		expect(await trigger.poll()).toBeNull();
		t.engine.setCredential({ login: t.sim.login, apiKey: t.sim.key, baseUrl: `${t.sim.url}/` });
		const added = t.sim.addFile({ name: 'a.mp4' });
		expect(idsOf(await trigger.poll())).toEqual([added.id]);
	});

	test('a subfolder that vanishes while the poll walks the tree is skipped; its files count as gone only once confirmed', async () => {
		const watched = t.sim.addFolder('watched');
		const sub = t.sim.addFolder('sub', watched.id);
		t.sim.addFiles(3, sub.id);
		const trigger = t.poller({ event: 'newFile', folderId: fromList(watched.id), includeSubfolders: true });
		expect(await trigger.poll()).toBeNull();

		const added = t.sim.addFile({ name: 'new.mp4', folderId: watched.id });
		// The watched folder's listing is the first request of the poll, the subfolder's the second: it answers 404.
		t.sim.fault('file/listfolder', { kind: { status: 404, msg: 'Folder not found' }, skip: 1 });
		expect(idsOf(await trigger.poll())).toEqual([added.id]);
		// The subfolder is back (it never went): its files were kept, nothing re-emitted.
		expect(await trigger.poll()).toBeNull();

		// Now it is really gone, and its files with it: a later listing confirms it, and they are forgotten.
		t.sim.state.deleteFolder(sub.id);
		expect(await trigger.poll()).toBeNull();
		expect((nodeState(trigger.staticData).files as string).split(',')).toEqual([added.id]);
	});

	test('ids of any form (the API document\'s Vxj4mjsK4PX): a file shifting between pages is never emitted twice', async () => {
		t.sim.options.order = 'oldestFirst';
		const files = Array.from({ length: 1000 }, (_, i) => t.sim.addFile({ name: `f${i}.mp4`, id: `Vx${String(i).padStart(4, '0')}mjsK4P` }));
		const trigger = t.poller({ event: 'newFile' });
		expect(await trigger.poll()).toBeNull();
		const stop = t.sim.onRequest('file/listfolder', (query) => {
			if (query.page === '3') for (const file of files.splice(0, 5)) t.sim.deleteFile(file.id);
		});
		expect(await trigger.poll()).toBeNull();
		stop();
		expect(t.sim.countRequests('file/info')).toBe(1);
		for (let i = 0; i < 3; i++) expect(await trigger.poll()).toBeNull();
		const late = t.sim.addFile({ name: 'late.mp4', id: 'LateFile01X' });
		expect(idsOf(await trigger.poll())).toEqual([late.id]);
		expect((nodeState(trigger.staticData).files as string).length).toBeLessThanOrEqual(996 * 16);
	});
});
