import { packFiles, unpackFiles, type FileFlag } from '../../nodes/Highload/trigger/fileState';

describe('trigger state codec', () => {
	test('ids of any form round-trip, sorted, with or without flags', () => {
		const files = new Map<string, FileFlag>([
			['zzzzzzzzzzzz', 'r'],
			['9fnelnvpql73', 'p'],
			['Vxj4mjsK4PX', 'r'],
			['with,comma', 'p'],
			['100%', 'r'],
			['%2C', 'p'],
		]);
		for (const withFlag of [true, false]) {
			const packed = packFiles(files, withFlag);
			const read = unpackFiles(packed, withFlag);
			expect([...read.keys()].sort()).toEqual([...files.keys()].sort());
			if (withFlag) for (const [id, flag] of files) expect(read.get(id)).toBe(flag);
			expect(packFiles(read, withFlag)).toBe(packed);
		}
	});

	test('13 bytes per usual id for newFile, 14 with the ready flag', () => {
		const ids = Array.from({ length: 100 }, (_, i) => `abcdefgh${String(i).padStart(4, '0')}`);
		const files = new Map(ids.map((id) => [id, 'r' as FileFlag]));
		expect(packFiles(files, false).length).toBe(100 * 13 - 1);
		expect(packFiles(files, true).length).toBe(100 * 14 - 1);
		expect(unpackFiles('', false).size).toBe(0);
	});
});
