import { canonicalFolderId, isFileId, isWebAddress } from '../../nodes/Highload/parameters/ids';

describe('folder ids', () => {
	test.each([
		['0', '0'],
		['00', '0'],
		['0000000', '0'],
		[' 0 ', '0'],
		['+0', '0'],
		[0, '0'],
		['007', '7'],
		['4567', '4567'],
		[4567, '4567'],
		['  12 ', '12'],
	])('%p is folder %p', (value, canonical) => {
		expect(canonicalFolderId(value)).toBe(canonical);
	});

	test.each([['0x0'], ['1e3'], ['-1'], ['-0'], ['1.0'], ['videos'], [''], ['  '], [null], [undefined], [1.5], [Number.NaN], ['１２']])('%p is no folder id', (value) => {
		expect(canonicalFolderId(value)).toBeUndefined();
	});
});

describe('file ids and links', () => {
	test('file ids are letters and digits, any length and case', () => {
		expect(['9fnelnvpql73', 'Vxj4mjsK4PX', 'a'].every(isFileId)).toBe(true);
		expect(['abc,def', 'abc def', 'abc$', '', 'ä'].some(isFileId)).toBe(false);
	});

	test.each([
		['https://host.example/a b.mp4?x=1&y=2', true],
		['http://host.example', true],
		['https://東京.example/ä.mp4', true],
		['HTTPS://HOST.EXAMPLE/A.MP4', true],
		['http://user:pw@host.example:8080/a', true],
		['example.com/a.mp4', false],
		['ftp://example.com/a.mp4', false],
		['https://', false],
		['https:///a.mp4', false],
		['https://host.example/a\u0007.mp4', false],
		['https://host.example/a\n.mp4', false],
		['javascript:alert(1)', false],
	])('%p can be a web address: %p', (value, expected) => {
		expect(isWebAddress(value)).toBe(expected);
	});
});
