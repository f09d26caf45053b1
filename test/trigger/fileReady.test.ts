import { emitted, fromList, idsOf, nodeState, pollError, stateBytes, useTrigger } from './setup';

/** fileReady: a file is emitted once when its conversion is completed (cstatus, any case). */
describe('Highload Trigger — fileReady', () => {
	const t = useTrigger();

	test('conversions finishing emit once; pending files do not; a file arriving converted emits once', async () => {
		const folder = t.sim.addFolder('videos');
		const done = t.sim.addFile({ name: 'done.mp4', folderId: folder.id, cstatus: 'Completed' });
		const slow = t.sim.addFile({ name: 'slow.mp4', folderId: folder.id, cstatus: 'pending' });
		const trigger = t.poller({ event: 'fileReady', folderId: fromList(folder.id) });
		expect(await trigger.poll()).toBeNull();

		const fresh = t.sim.addFile({ name: 'fresh.mp4', folderId: folder.id, cstatus: 'pending' });
		expect(await trigger.poll()).toBeNull();

		t.sim.finishConversion(slow.id);
		const items = await trigger.poll();
		expect(emitted(items)).toEqual([expect.objectContaining({ id: slow.id, cstatus: 'Completed', event: 'fileReady', path: '' })]);
		expect(await trigger.poll()).toBeNull();

		t.sim.state.files.get(fresh.id)!.cstatus = 'completed'; // lower case, as some family members write it
		const arrived = t.sim.addFile({ name: 'arrived.mp4', folderId: folder.id, cstatus: 'Completed' });
		expect(idsOf(await trigger.poll())).toEqual([fresh.id, arrived.id].sort());
		expect(await trigger.poll()).toBeNull();
		expect(idsOf(await trigger.poll())).not.toContain(done.id);
	});

	test('a failing poll loses no conversion and repeats none', async () => {
		const files = t.sim.addFiles(700);
		for (const file of files.slice(0, 10)) t.sim.state.files.get(file.id)!.cstatus = 'pending';
		const trigger = t.poller({ event: 'fileReady' });
		expect(await trigger.poll()).toBeNull();

		for (const file of files.slice(0, 4)) t.sim.finishConversion(file.id);
		const before = JSON.stringify(trigger.staticData);
		t.sim.fault('file/listfolder', { kind: 'html', skip: 3 });
		await pollError(() => trigger.poll());
		expect(JSON.stringify(trigger.staticData)).toBe(before);
		expect(idsOf(await trigger.poll())).toEqual(files.slice(0, 4).map((f) => f.id).sort());
		expect(await trigger.poll()).toBeNull();
	});

	test('state is 14 bytes per watched file (ready flag + id + separator)', async () => {
		t.sim.addFiles(1000);
		const trigger = t.poller({ event: 'fileReady' });
		expect(await trigger.poll()).toBeNull();
		expect((nodeState(trigger.staticData).files as string).length).toBe(1000 * 14 - 1);
		expect(stateBytes(trigger.staticData)).toBeLessThanOrEqual(1000 * 14 + 150);
	});

	test('manual mode returns the newest converted file, or says there is none', async () => {
		t.sim.addFile({ name: 'pending.mp4', cstatus: 'pending', uploadAt: '2025-01-01 00:00:00' });
		const manual = t.poller({ event: 'fileReady' }, 'manual');
		expect((await pollError(() => manual.poll())).message).toBe('There is no file whose conversion is completed in the root folder yet');
		const ready = t.sim.addFile({ name: 'ready.mp4', cstatus: 'Completed', uploadAt: '2024-01-01 00:00:00' });
		expect(emitted(await manual.poll())).toEqual([expect.objectContaining({ id: ready.id, event: 'fileReady' })]);
	});
});
