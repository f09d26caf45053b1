import { createHash } from 'crypto';

import { packFiles, STATE_FORMAT, unpackFiles, type FileFlag } from '../../nodes/Highload/trigger/fileState';

const legacyKey = (id: string) => (/^[a-z0-9]{12}$/.test(id) ? id : `~${createHash('sha256').update(id).digest('base64url').slice(0, 11)}`);

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
			const read = unpackFiles(packed, STATE_FORMAT, withFlag);
			expect([...read.files.keys()].sort()).toEqual([...files.keys()].sort());
			if (withFlag) for (const [id, flag] of files) expect(read.lookup(id)).toBe(flag);
			expect(packFiles(read.files, withFlag)).toBe(packed);
		}
	});

	test('13 bytes per usual id for newFile, 14 with the ready flag', () => {
		const ids = Array.from({ length: 100 }, (_, i) => `abcdefgh${String(i).padStart(4, '0')}`);
		const files = new Map(ids.map((id) => [id, 'r' as FileFlag]));
		expect(packFiles(files, false).length).toBe(100 * 13 - 1);
		expect(packFiles(files, true).length).toBe(100 * 14 - 1);
		expect(unpackFiles('', STATE_FORMAT, false).files.size).toBe(0);
	});

	test('format-1 state (fixed 12-character keys, hashed odd ids) is looked up by the real ids', () => {
		const plain = '9fnelnvpql73';
		const odd = 'Vxj4mjsK4PX';
		const packed = [plain, odd].map((id) => `${legacyKey(id)}r`).sort().join('');
		const read = unpackFiles(packed, undefined, true);
		expect(read.lookup(plain)).toBe('r');
		expect(read.lookup(odd)).toBe('r');
		expect(read.lookup('other0000000')).toBeUndefined();
		expect(read.isAskable(plain)).toBe(true);
		expect(read.isAskable(legacyKey(odd))).toBe(false);
	});
});
