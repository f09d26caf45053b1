import { emitted, nodeState, pollError, useTrigger } from './setup';

const transitions = (items: Parameters<typeof emitted>[0]) => emitted(items).map((json) => `${String(json.id)}:${String(json.previousStatus)}→${String(json.status)}`).sort();

describe.each(['object', 'map'] as const)('Highload Trigger — remoteUploadChanged (remotedl/status as %s)', (remoteStatusShape) => {
	const t = useTrigger({ remoteStatusShape });

	test('every transition of the watched uploads is emitted once, as a normalized record with event', async () => {
		const a = t.sim.addRemoteUpload('http://example.com/a.mp4');
		const b = t.sim.addRemoteUpload('http://example.com/b.mp4');
		const other = t.sim.addRemoteUpload('http://example.com/other.mp4');
		const trigger = t.poller({ event: 'remoteUploadChanged', remoteUploadIds: `${a.id}, ${b.id}` });
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();

		t.sim.advanceRemoteUpload(a.id, 'downloading', { bytesLoaded: 10, bytesTotal: 100 });
		t.sim.advanceRemoteUpload(other.id, 'downloading');
		const items = await trigger.poll();
		expect(transitions(items)).toEqual([`${a.id}:pending→downloading`]);
		expect(emitted(items)[0]).toMatchObject({ id: a.id, status: 'downloading', bytes_loaded: 10, bytes_total: 100, event: 'remoteUploadChanged', finished: null });
		expect(await trigger.poll()).toBeNull();

		t.sim.advanceRemoteUpload(a.id, 'finished');
		t.sim.advanceRemoteUpload(b.id, 'error');
		expect(transitions(await trigger.poll())).toEqual([`${a.id}:downloading→finished`, `${b.id}:pending→error`].sort());
		expect(await trigger.poll()).toBeNull();
		expect(t.sim.countRequests('remotedl/status')).toBe(2 * 6);
	});

	test('statuses filters what is emitted, while every status is still remembered', async () => {
		const a = t.sim.addRemoteUpload('http://example.com/a.mp4');
		const b = t.sim.addRemoteUpload('http://example.com/b.mp4');
		const trigger = t.poller({ event: 'remoteUploadChanged', statuses: ['finished', 'error'] });
		expect(await trigger.poll()).toBeNull();
		t.sim.advanceRemoteUpload(a.id, 'downloading');
		t.sim.advanceRemoteUpload(b.id, 'downloading');
		expect(await trigger.poll()).toBeNull();
		t.sim.advanceRemoteUpload(a.id, 'finished');
		expect(transitions(await trigger.poll())).toEqual([`${a.id}:downloading→finished`]);
		t.sim.advanceRemoteUpload(b.id, 'error');
		const late = t.sim.addRemoteUpload('http://example.com/late.mp4');
		expect(transitions(await trigger.poll())).toEqual([`${b.id}:downloading→error`]);
		expect(await trigger.poll()).toBeNull();
		expect(Object.keys(nodeState(trigger.staticData).uploads as object).sort()).toEqual([a.id, b.id, late.id].sort());
	});

	test('all uploads when no ids are given: new uploads emit, removed ones are forgotten (bounded state)', async () => {
		const a = t.sim.addRemoteUpload('http://example.com/a.mp4');
		const trigger = t.poller({ event: 'remoteUploadChanged' });
		expect(await trigger.poll()).toBeNull();
		const b = t.sim.addRemoteUpload('http://example.com/b.mp4');
		expect(transitions(await trigger.poll())).toEqual([`${b.id}:null→pending`]);
		t.sim.state.remoteUploads.delete(a.id);
		expect(await trigger.poll()).toBeNull();
		expect(nodeState(trigger.staticData).uploads).toEqual({ [b.id]: 'pending' });
		expect(t.sim.countRequests('remotedl/status')).toBe(3);
	});

	test("switching the event keeps one memory: the other event's is dropped, and the new one records anew", async () => {
		t.sim.addFile({ name: 'a.mp4' });
		const files = t.poller({ event: 'newFile' });
		expect(await files.poll()).toBeNull();
		const uploads = t.poller({ event: 'remoteUploadChanged' });
		uploads.staticData = files.staticData;
		t.sim.addRemoteUpload('http://example.com/a.mp4');
		expect(await uploads.poll()).toBeNull();
		expect(Object.keys(nodeState(uploads.staticData)).sort()).toEqual(['scope', 'uploads']);
		files.staticData = uploads.staticData;
		t.sim.addFile({ name: 'b.mp4' });
		expect(await files.poll()).toBeNull();
		expect(Object.keys(nodeState(files.staticData)).sort()).toEqual(['files', 'scope']);
	});

	test('a failing status request throws and the next poll emits the change once', async () => {
		const a = t.sim.addRemoteUpload('http://example.com/a.mp4');
		const b = t.sim.addRemoteUpload('http://example.com/b.mp4');
		const trigger = t.poller({ event: 'remoteUploadChanged', remoteUploadIds: [a.id, b.id].join(',') });
		expect(await trigger.poll()).toBeNull();
		t.sim.advanceRemoteUpload(a.id, 'finished');
		t.sim.advanceRemoteUpload(b.id, 'finished');
		t.sim.fault('remotedl/status', { kind: 'bandwidth', skip: 1 });
		expect((await pollError(() => trigger.poll())).message).toMatch(/509/);
		expect(transitions(await trigger.poll())).toEqual([`${a.id}:pending→finished`, `${b.id}:pending→finished`].sort());
		expect(await trigger.poll()).toBeNull();
	});

	test('an API that cannot list all uploads gets a clear error telling to give ids', async () => {
		t.sim.options.remoteStatusWithoutId = 'error';
		const trigger = t.poller({ event: 'remoteUploadChanged' });
		const error = await pollError(() => trigger.poll());
		expect(error.message).toBe('Highload does not list all remote uploads of the account: enter the Remote Upload IDs to watch');
	});

	test('manual mode returns the most recent upload with a wanted status, or says there is none', async () => {
		const a = t.sim.addRemoteUpload('http://example.com/a.mp4');
		const manual = t.poller({ event: 'remoteUploadChanged', statuses: ['finished'] }, 'manual');
		expect((await pollError(() => manual.poll())).message).toBe('There is no remote upload with status finished for this account yet');
		t.sim.advanceRemoteUpload(a.id, 'finished');
		expect(emitted(await manual.poll())).toEqual([expect.objectContaining({ id: a.id, status: 'finished', event: 'remoteUploadChanged' })]);
		expect(manual.staticData).toEqual({});
	});
});
