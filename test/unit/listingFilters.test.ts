import type { IDataObject } from 'n8n-workflow';

import { FILTER_LABELS } from '../../nodes/Highload/descriptions/listingFilters';
import { globToRegExp, matchesFileFilters, uploadTime, type FileFilters } from '../../nodes/Highload/listing/filters';
import { readFileFilters } from '../../nodes/Highload/parameters/listingFilters';

const reading = (workflowTimeZone = 'UTC') => ({
	labels: FILTER_LABELS,
	workflowTimeZone, fail: (message: string, hint: string) => Object.assign(new Error(message), { hint }) });
const read = (raw: IDataObject, zone?: string) => readFileFilters(raw, reading(zone));
const file = (fields: IDataObject): IDataObject => ({ id: 'f', name: 'a.mp4', upload_at: '2026-03-01 12:00:00', size: '1024', download_count: '0', cstatus: 'Completed', ...fields });
const matches = (fields: IDataObject, filters: FileFilters) => matchesFileFilters(file(fields), filters);

describe('name patterns', () => {
	test.each([
		['*.mp4', 'Movie.MP4', true],
		['*.mp4', 'movie.mp4.srt', false],
		['*.mp4', '.mp4', true],
		['clip-??.mkv', 'clip-07.mkv', true],
		['clip-??.mkv', 'clip-7.mkv', false],
		['[draft] *', '[draft] cut 1.mov', true],
		['[draft] *', 'd cut.mov', false],
		['a+b (1).txt', 'A+B (1).TXT', true],
		['100%.*', '100%.avi', true],
		['x.y', 'xzy', false],
		['東京*', '東京 🎬.mp4', true],
		['?.mp4', '🎬.mp4', true],
	])('%s against %s → %s', (glob, name, expected) => {
		expect(globToRegExp(glob).test(name)).toBe(expected);
	});
});

describe('upload times', () => {
	test('only a real "YYYY-MM-DD HH:MM:SS" is an upload time', () => {
		expect(uploadTime(file({}))).toBe('2026-03-01 12:00:00');
		expect(uploadTime(file({ upload_at: '2026-03-01T12:00:00' }))).toBe('2026-03-01 12:00:00');
		for (const value of ['0000-00-00 00:00:00', '', null, undefined, 'yesterday', '2026-03-01 12:00:00+01:00', 1700000000]) {
			expect(uploadTime(file({ upload_at: value as never }))).toBeUndefined();
		}
	});

	test('a file without a usable upload time matches no upload-time filter', () => {
		const filters = read({ uploadedBefore: '2030-01-01T00:00:00Z' });
		expect(matches({}, filters)).toBe(true);
		expect(matches({ upload_at: '0000-00-00 00:00:00' }, filters)).toBe(false);
		expect(matches({ upload_at: undefined }, filters)).toBe(false);
	});

	test('upload_at is read as UTC: a bound with an offset compares as the same instant', () => {
		// 12:00:00 UTC. 12:30+01:00 is 11:30 UTC (the file is not before it); 13:30+01:00 is 12:30 UTC.
		expect(matches({}, read({ uploadedBefore: '2026-03-01T12:30:00+01:00' }))).toBe(false);
		expect(matches({}, read({ uploadedBefore: '2026-03-01T13:30:00+01:00' }))).toBe(true);
		expect(matches({}, read({ uploadedAfter: '2026-03-01T12:59:59+01:00' }))).toBe(true);
		// To the second, strictly before / after.
		expect(matches({}, read({ uploadedBefore: '2026-03-01T12:00:00Z' }))).toBe(false);
		expect(matches({}, read({ uploadedBefore: '2026-03-01T12:00:01Z' }))).toBe(true);
		expect(matches({}, read({ uploadedAfter: '2026-03-01T12:00:00Z' }))).toBe(false);
	});

	test('a date without an offset is in the workflow time zone; Highload Time Zone moves upload_at', () => {
		// 12:30 in New York (UTC-5 in March before DST) is 17:30 UTC: the file of 12:00 UTC is before it.
		expect(read({ uploadedBefore: '2026-03-01T12:30:00' }, 'America/New_York').uploadedBefore).toBe('2026-03-01 17:30:00');
		expect(read({ uploadedBefore: '2026-03-01T12:30:00' }, 'UTC').uploadedBefore).toBe('2026-03-01 12:30:00');
		// Upload times in Berlin (UTC+1): 11:30 UTC is 12:30 there, so a file at "12:00:00" Berlin is before it.
		const berlin = read({ uploadedBefore: '2026-03-01T11:30:00Z', highloadTimeZone: 'Europe/Berlin' });
		expect(berlin.uploadedBefore).toBe('2026-03-01 12:30:00');
		expect(matches({}, berlin)).toBe(true);
		expect(matches({}, read({ uploadedBefore: '2026-03-01T11:30:00Z' }))).toBe(false);
	});

	test('a Luxon DateTime and a JS Date (what expressions give) are read as instants', () => {
		const { DateTime } = jest.requireActual('luxon') as typeof import('luxon');
		const instant = DateTime.fromISO('2026-03-01T14:00:00', { zone: 'Asia/Tokyo' });
		expect(read({ uploadedAfter: instant }).uploadedAfter).toBe('2026-03-01 05:00:00');
		expect(read({ uploadedAfter: new Date(Date.UTC(2026, 2, 1, 5)) }).uploadedAfter).toBe('2026-03-01 05:00:00');
		expect(read({ uploadedAfter: Date.UTC(2026, 2, 1, 5) }, 'Asia/Tokyo').uploadedAfter).toBe('2026-03-01 05:00:00');
	});
});

describe('reading the filters', () => {
	test('sizes in the chosen unit, 1 KB = 1,024 bytes; MB by default', () => {
		expect(read({ sizeAtLeast: 1, sizeUnit: 'kb' }).sizeAtLeast).toBe(1024);
		expect(read({ sizeAtLeast: 1.5 }).sizeAtLeast).toBe(1.5 * 1024 * 1024);
		expect(read({ sizeAtMost: 2, sizeUnit: 'gb' }).sizeAtMost).toBe(2 * 1024 ** 3);
		expect(read({ sizeAtMost: '10', sizeUnit: 'bytes' }).sizeAtMost).toBe(10);
		const oneKb = read({ sizeAtLeast: 1, sizeUnit: 'kb' });
		expect(matches({ size: '1024' }, oneKb)).toBe(true);
		expect(matches({ size: 1023 }, oneKb)).toBe(false);
		expect(matches({ size: undefined }, oneKb)).toBe(false);
	});

	test.each([
		[{ uploadedBefore: 'yesterday' }, 'Filters → Uploaded Before: "yesterday" is not a date'],
		[{ uploadedAfter: '' }, 'Filters → Uploaded After: is empty'],
		[{ uploadedBefore: '2026-01-01', highloadTimeZone: 'Mars/Olympus' }, 'Filters → Highload Time Zone: "Mars/Olympus" is not a time zone'],
		[{ sizeAtLeast: -1 }, 'Filters → Size at Least: -1 is less than 0'],
		[{ sizeAtMost: 'big' }, 'Filters → Size at Most: "big" is not a number'],
		[{ sizeAtMost: 1, sizeUnit: 'tb' }, 'Filters → Size Unit: "tb" is not a size unit'],
		[{ downloadsAtMost: 1.5 }, 'Filters → Downloads at Most: 1.5 is not a whole number'],
		[{ downloadsAtLeast: null }, 'Filters → Downloads at Least: is empty'],
		[{ nameMatches: '  ' }, 'Filters → Name Matches: is empty'],
		[{ conversionStatus: 'done' }, 'Filters → Conversion Status: "done" is not a conversion status'],
	])('%j is refused: %s', (raw, message) => {
		expect(() => read(raw as IDataObject)).toThrow(message);
	});

	test('downloads, conversion status (ignoring case), and every filter at once', () => {
		expect(matches({ download_count: '0' }, read({ downloadsAtMost: 0 }))).toBe(true);
		expect(matches({ download_count: 1 }, read({ downloadsAtMost: 0 }))).toBe(false);
		expect(matches({ download_count: undefined }, read({ downloadsAtMost: 0 }))).toBe(false);
		expect(matches({ download_count: '5' }, read({ downloadsAtLeast: 5 }))).toBe(true);
		expect(matches({ cstatus: 'completed' }, read({ conversionStatus: 'completed' }))).toBe(true);
		expect(matches({ cstatus: 'PENDING' }, read({ conversionStatus: 'pending' }))).toBe(true);
		expect(matches({ cstatus: 'converting' }, read({ conversionStatus: 'notCompleted' }))).toBe(true);
		expect(matches({ cstatus: 'Completed' }, read({ conversionStatus: 'notCompleted' }))).toBe(false);
		expect(matches({ cstatus: undefined }, read({ conversionStatus: 'notCompleted' }))).toBe(false);
		const all = read({ nameMatches: '*.MP4', sizeAtMost: 2, sizeUnit: 'kb', downloadsAtMost: 0, uploadedBefore: '2026-03-02T00:00:00Z', conversionStatus: 'Completed' });
		expect(matches({}, all)).toBe(true);
		expect(matches({ name: 'a.srt' }, all)).toBe(false);
		expect(matches({ size: 4096 }, all)).toBe(false);
	});
});
