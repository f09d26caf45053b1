import type { INodeParameters } from 'n8n-workflow';

import { byId, jsonOf, useHighload } from '../support/setup';

const listAll = { returnAll: true };
const DAY = 24 * 60 * 60 * 1000;
/** An upload_at as Highload writes it (UTC here), `days` ago. */
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 19).replace('T', ' ');

describe('folder → list filters', () => {
	const t = useHighload();

	test('the clean-up: files older than 30 days never downloaded, from a relative date expression', async () => {
		const folder = t.sim.addFolder('media');
		const old = t.sim.addFile({ name: 'old.mp4', folderId: folder.id, uploadAt: daysAgo(45), downloadCount: 0 });
		t.sim.addFile({ name: 'old-but-watched.mp4', folderId: folder.id, uploadAt: daysAgo(45), downloadCount: 3 });
		t.sim.addFile({ name: 'new.mp4', folderId: folder.id, uploadAt: daysAgo(2), downloadCount: 0 });
		t.sim.addFile({ name: 'not-yet.mp4', folderId: folder.id, uploadAt: '0000-00-00 00:00:00', downloadCount: 0 });
		const older = t.sim.addFile({ name: 'older.mkv', folderId: folder.id, uploadAt: daysAgo(400), downloadCount: 0 });
		t.sim.addFolder('sub', folder.id);
		const items = jsonOf(
			await t.run('folder', 'list', {
				folderId: byId(folder.id),
				...listAll,
				filters: { uploadedBefore: '={{ $now.minus({ days: 30 }) }}', downloadsAtMost: 0 },
				options: { include: 'files' },
			}),
		);
		expect(items.map((item) => item.id)).toEqual([older.id, old.id].sort((a, b) => (a === older.id ? -1 : 1)));
	});

	test('name, size (in units of 1,024), downloads and conversion status, each alone', async () => {
		const folder = t.sim.addFolder('mixed');
		const video = t.sim.addFile({ name: 'Talk.MP4', folderId: folder.id, size: 3 * 1024 * 1024, downloadCount: 10, cstatus: 'Completed' });
		const subtitle = t.sim.addFile({ name: 'talk.srt', folderId: folder.id, size: 1024, downloadCount: 1, cstatus: 'Completed' });
		const raw = t.sim.addFile({ name: 'clip-01.avi', folderId: folder.id, size: 1023, downloadCount: 0, cstatus: 'pending' });
		const list = async (filters: INodeParameters) =>
			jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), ...listAll, filters })).map((item) => item.name);
		expect(await list({ nameMatches: '*.mp4' })).toEqual([video.name]);
		expect(await list({ nameMatches: 'clip-??.*' })).toEqual([raw.name]);
		expect(await list({ nameMatches: 'TALK.*' })).toEqual([video.name, subtitle.name]);
		expect(await list({ sizeAtLeast: 1, sizeUnit: 'kb' })).toEqual([video.name, subtitle.name]);
		expect(await list({ sizeAtMost: 1023, sizeUnit: 'bytes' })).toEqual([raw.name]);
		expect(await list({ sizeAtLeast: 2.5 })).toEqual([video.name]); // MB unless set
		expect(await list({ downloadsAtLeast: 1, downloadsAtMost: 9 })).toEqual([subtitle.name]);
		expect(await list({ conversionStatus: 'pending' })).toEqual([raw.name]);
		expect(await list({ conversionStatus: 'notCompleted' })).toEqual([raw.name]);
		expect(await list({ conversionStatus: 'completed' })).toEqual([video.name, subtitle.name]);
	});

	test("upload_at is read as UTC (or the Highload Time Zone set); dates with an offset compare as instants", async () => {
		const file = t.sim.addFile({ name: 'noon.mp4', uploadAt: '2026-03-01 12:00:00' });
		const list = async (filters: INodeParameters) => jsonOf(await t.run('folder', 'list', { ...listAll, filters })).map((item) => item.id);
		expect(await list({ uploadedBefore: '2026-03-01T12:30:00+01:00' })).toEqual([]); // 11:30 UTC
		expect(await list({ uploadedBefore: '2026-03-01T13:30:00+01:00' })).toEqual([file.id]); // 12:30 UTC
		expect(await list({ uploadedAfter: '={{ DateTime.fromISO("2026-03-01T06:59:59", { zone: "America/New_York" }) }}' })).toEqual([file.id]);
		expect(await list({ uploadedAfter: '={{ DateTime.fromISO("2026-03-01T07:00:00", { zone: "America/New_York" }) }}' })).toEqual([]);
		// Read in Berlin, "12:00:00" is 11:00 UTC.
		expect(await list({ uploadedBefore: '2026-03-01T11:30:00Z', highloadTimeZone: 'Europe/Berlin' })).toEqual([file.id]);
		expect(await list({ uploadedBefore: '2026-03-01T11:30:00Z' })).toEqual([]);
	});

	test('filters apply while paging: Limit counts matches, and paging stops once they are found', async () => {
		const folder = t.sim.addFolder('big');
		const files = t.sim.addFiles(1000, folder.id);
		const wanted = [150, 420, 990].map((at) => files[at]);
		for (const file of wanted) t.sim.state.renameFile(file.id, `keep [${file.name}]`);
		const filters = { nameMatches: 'keep [*]' };
		const items = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), limit: 2, filters }));
		expect(items.map((item) => item.id)).toEqual(wanted.slice(0, 2).map((file) => file.id));
		// The second match is on page 3; pages 4 and 5 may be read ahead, never page 6.
		expect(t.sim.countRequests('file/listfolder')).toBeLessThanOrEqual(5);
		const all = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), ...listAll, filters }));
		expect(all.map((item) => item.id)).toEqual(wanted.map((file) => file.id));
	});

	test('folders are output as Include says; the filters speak of files', async () => {
		const folder = t.sim.addFolder('top');
		const sub = t.sim.addFolder('archive.mp4', folder.id);
		const keep = t.sim.addFile({ name: 'a.mp4', folderId: folder.id });
		t.sim.addFile({ name: 'b.srt', folderId: folder.id });
		const both = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), ...listAll, filters: { nameMatches: '*.mp4', sizeAtLeast: 0 }, options: { include: 'both' } }));
		expect(both.map((item) => `${item.type}:${item.id}`)).toEqual([`folder:${sub.id}`, `file:${keep.id}`]);
		const folders = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), ...listAll, filters: { nameMatches: '*.srt' }, options: { include: 'folders' } }));
		expect(folders.map((item) => item.id)).toEqual([sub.id]);
	});

	test.each([
		[{ uploadedBefore: '={{ "last tuesday" }}' }, 'Filters → Uploaded Before: "last tuesday" is not a date', 'e.g. {{ $now.minus({ days: 30 }) }}'],
		[{ uploadedAfter: '={{ $json.missing }}' }, 'Filters → Uploaded After: is empty', 'Pick a date and time'],
		[{ sizeAtLeast: '={{ -5 }}' }, 'Filters → Size at Least: -5 is less than 0', 'Enter a number, 0 or more'],
		[{ downloadsAtMost: '={{ "none" }}' }, 'Filters → Downloads at Most: "none" is not a number', 'Enter a whole number'],
		[{ uploadedBefore: '2026-01-01T00:00:00Z', highloadTimeZone: 'CEST+2' }, 'Filters → Highload Time Zone: "CEST+2" is not a time zone', 'IANA time zone'],
		[{ nameMatches: '={{ "" }}' }, 'Filters → Name Matches: is empty', 'such as *.mp4'],
	])('%j stops the run before any request, naming the filter', async (filters, message, hint) => {
		const run = await t.run('folder', 'list', { ...listAll, filters });
		expect(run.error?.message).toBe(message);
		expect(run.error?.description).toContain(hint);
		expect(t.sim.requests).toHaveLength(0);
	});
});

describe('folder → list sort', () => {
	const t = useHighload({ shuffle: true });

	test('the 3 oldest files of a shuffled 450-file listing: every page read, 3 items out', async () => {
		const folder = t.sim.addFolder('shuffled');
		const files = Array.from({ length: 450 }, (_, at) =>
			t.sim.addFile({ name: `f${at}.mp4`, folderId: folder.id, uploadAt: `2026-01-01 00:${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}` }),
		);
		const items = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), limit: 3, sort: { rules: [{ by: 'uploaded', direction: 'ascending' }] } }));
		expect(items.map((item) => item.id)).toEqual(files.slice(0, 3).map((file) => file.id));
		expect(t.sim.countRequests('file/listfolder')).toBe(3);
		const newest = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), limit: 2, sort: { rules: [{ by: 'uploaded', direction: 'descending' }] } }));
		expect(newest.map((item) => item.id)).toEqual([files[449].id, files[448].id]);
	});

	test('by name, size and downloads; later rules break ties; with filters; entries without the key last', async () => {
		const folder = t.sim.addFolder('sorted');
		t.sim.addFile({ name: 'ep10.mp4', folderId: folder.id, size: 300, downloadCount: 1 });
		t.sim.addFile({ name: 'Ep2.mp4', folderId: folder.id, size: 100, downloadCount: 5 });
		t.sim.addFile({ name: 'ep1.mp4', folderId: folder.id, size: 200, downloadCount: 5 });
		t.sim.addFile({ name: 'notes.txt', folderId: folder.id, size: 50, downloadCount: 9 });
		t.sim.addFolder('extras', folder.id);
		const names = async (parameters: Record<string, unknown>) =>
			jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), ...listAll, ...parameters })).map((item) => item.name);
		expect(await names({ sort: { rules: [{ by: 'name', direction: 'ascending' }] }, options: { include: 'files' } })).toEqual(['ep1.mp4', 'Ep2.mp4', 'ep10.mp4', 'notes.txt']);
		expect(await names({ sort: { rules: [{ by: 'name', direction: 'descending' }] }, options: { include: 'both' } })).toEqual(['notes.txt', 'extras', 'ep10.mp4', 'Ep2.mp4', 'ep1.mp4']);
		// Folders pass the file filters as Include says, and have no size: last.
		expect(await names({ sort: { rules: [{ by: 'size', direction: 'descending' }] }, filters: { nameMatches: '*.mp4' }, options: { include: 'both' } })).toEqual([
			'ep10.mp4',
			'ep1.mp4',
			'Ep2.mp4',
			'extras',
		]);
		expect(
			await names({ sort: { rules: [{ by: 'downloads', direction: 'descending' }, { by: 'size', direction: 'ascending' }] }, filters: { downloadsAtMost: 5 }, options: { include: 'files' } }),
		).toEqual(['Ep2.mp4', 'ep1.mp4', 'ep10.mp4']);
		expect(await names({ sort: { rules: [{ by: 'size', direction: 'ascending' }] }, options: { include: 'both' } })).toEqual([
			'notes.txt',
			'Ep2.mp4',
			'ep1.mp4',
			'ep10.mp4',
			'extras',
		]);
	});
});
