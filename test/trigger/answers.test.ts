import { emitted, idsOf, nodeState, useTrigger } from './setup';

const transitions = (items: Parameters<typeof emitted>[0]) => emitted(items).map((json) => `${String(json.id)}:${String(json.previousStatus)}→${String(json.status)}`).sort();

describe('Highload Trigger — newFile, files gone from the listing', () => {
	const t = useTrigger();

	test('more than 50 missing files are asked about in batches of at most 50; an id holding a comma is asked alone', async () => {
		const files = t.sim.addFiles(130);
		const odd = t.sim.addFile({ id: 'with,comma1', name: 'odd.mp4' });
		const trigger = t.poller({ event: 'newFile' });
		expect(await trigger.poll()).toBeNull();

		const gone = [...files.slice(0, 120).map((file) => file.id), odd.id];
		for (const id of gone) t.sim.deleteFile(id);
		expect(await trigger.poll()).toBeNull();
		const asked = t.sim.requests.filter((request) => request.endpoint === 'file/info').map((request) => request.query.file);
		const batches = asked.filter((ids) => ids !== odd.id).map((ids) => ids.split(','));
		expect(batches.map((batch) => batch.length)).toEqual([50, 50, 20]);
		expect(batches.flat().sort()).toEqual(files.slice(0, 120).map((file) => file.id).sort());
		expect(asked.filter((ids) => ids === odd.id)).toHaveLength(1);
		// Forgotten: the state holds the ten that are left.
		expect((nodeState(trigger.staticData).files as string).split(',').sort()).toEqual(files.slice(120).map((file) => file.id).sort());

		t.sim.resetStats();
		expect(await trigger.poll()).toBeNull();
		expect(t.sim.countRequests('file/info')).toBe(0);
	});
});

describe('Highload Trigger — two overlapping polls of one activation', () => {
	const t = useTrigger({ latencyMs: 5 });

	test('a new file is emitted once between them, and the next poll emits nothing', async () => {
		t.sim.addFiles(450);
		const trigger = t.poller({ event: 'newFile' });
		expect(await trigger.poll()).toBeNull();
		const added = t.sim.addFile({ name: 'new.mp4' });
		const [first, second] = await Promise.all([trigger.poll(), trigger.poll()]);
		expect([...idsOf(first), ...idsOf(second)]).toEqual([added.id]);
		expect(await trigger.poll()).toBeNull();
	});
});

describe('Highload Trigger — remoteUploadChanged, a watched upload that answers 404', () => {
	const t = useTrigger();

	test('is no error: it is forgotten, and the other uploads are still watched', async () => {
		const a = t.sim.addRemoteUpload('http://example.com/a.mp4');
		const b = t.sim.addRemoteUpload('http://example.com/b.mp4');
		const trigger = t.poller({ event: 'remoteUploadChanged', remoteUploadIds: `${a.id},${b.id}` });
		expect(await trigger.poll()).toBeNull();

		t.sim.state.remoteUploads.delete(b.id);
		t.sim.advanceRemoteUpload(a.id, 'finished');
		expect(transitions(await trigger.poll())).toEqual([`${a.id}:pending→finished`]);
		expect(nodeState(trigger.staticData).uploads).toEqual({ [a.id]: 'finished' });
		expect(await trigger.poll()).toBeNull();
	});
});
