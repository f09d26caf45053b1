/**
 * A minimal valid baseline JPEG: 8x8 pixels, one grey component, a single DC-only block.
 * Built by hand (SOI, JFIF APP0, DQT, SOF0, two one-code Huffman tables, SOS, EOI).
 */
function segment(marker: number, payload: number[]): number[] {
	const length = payload.length + 2;
	return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

function build(): Buffer {
	const oneCodeOfLength1 = [1, ...new Array<number>(15).fill(0)];
	return Buffer.from([
		0xff, 0xd8, // SOI
		...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // APP0 "JFIF"
		...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]), // DQT table 0, all ones
		...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), // SOF0 8-bit 8x8, 1 component, table 0
		...segment(0xc4, [0x00, ...oneCodeOfLength1, 0x00]), // DHT DC0: code "0" = category 0
		...segment(0xc4, [0x10, ...oneCodeOfLength1, 0x00]), // DHT AC0: code "0" = end of block
		...segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
		0x3f, // DC "0" + EOB "0", padded with ones
		0xff, 0xd9, // EOI
	]);
}

export const THUMBNAIL_JPEG: Buffer = build();
