import { childFolderPath, formatFolderPath, parseFolderPath } from '../../nodes/Highload/listing/pathFormat';

/** The one path format (issue #21): what the package writes, By Path reads back to the same names. */
describe('folder path format', () => {
	const hostile = ['AC/DC', 'back\\slash', 'ends\\', '\\/', 'a//b', ' lead', 'trail ', '   ', '\tx\n', '.', '..', 'é', 'e\u0301', '🎬 x', 'a \\ b'];

	test.each(hostile)('%j round-trips alone, first, in the middle and last', (name) => {
		for (const names of [[name], [name, 'x'], ['x', name, 'y'], ['x', name], [name, name]]) {
			expect(parseFolderPath(formatFolderPath(names))).toEqual(names);
		}
	});

	test('paths joined from formatted parts read back as the parts', () => {
		const parent = formatFolderPath([' a', 'b/']);
		expect(parseFolderPath(childFolderPath(parent, 'c '))).toEqual([' a', 'b/', 'c ']);
		expect(childFolderPath('', 'AC/DC')).toBe('AC\\/DC');
	});

	test('what users type: outer whitespace and extra slashes ignored, names kept as written, other backslashes literal', () => {
		expect(parseFolderPath('  /videos//series/  ')).toEqual(['videos', 'series']);
		expect(parseFolderPath('videos/ series ')).toEqual(['videos', ' series']);
		expect(parseFolderPath('C:\\videos')).toEqual(['C:\\videos']);
		expect(parseFolderPath('\\ x\\ ')).toEqual([' x ']);
		expect(parseFolderPath('')).toEqual([]);
		expect(parseFolderPath(' / ')).toEqual([]);
	});

	test('the written form escapes only what needs it', () => {
		expect(formatFolderPath(['videos', 'AC/DC live', 'a\\b'])).toBe('videos/AC\\/DC live/a\\\\b');
		expect(formatFolderPath([' x ', 'é'])).toBe('\\ x\\ /é');
		expect(formatFolderPath([])).toBe('');
	});
});
