// Hot-path globals cached as module locals: global lookups are slow inside jest's vm contexts.
const { imul, floor } = Math;

/** Small seeded PRNG (mulberry32) so shuffles and ids are reproducible for a given seed. */
export class Random {
	private s: number;

	constructor(seed: number) {
		this.s = seed >>> 0;
	}

	/** Uniform float in [0, 1). */
	next(): number {
		this.s = (this.s + 0x6d2b79f5) >>> 0;
		let t = this.s;
		t = imul(t ^ (t >>> 15), t | 1);
		t ^= t + imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(maxExclusive: number): number {
		return floor(this.next() * maxExclusive);
	}

	/** `length` lowercase base-36 characters (ids like "9fnelnvpql73"). */
	base36(length: number): string {
		return this.digits(length, 36, 6);
	}

	/** `length` lowercase hex characters (sha1-like values, tokens). */
	hex(length: number): string {
		return this.digits(length, 16, 8);
	}

	/** Built from whole random numbers, `perDraw` digits at a time: much cheaper than per-character picks. */
	private digits(length: number, radix: number, perDraw: number): string {
		let out = '';
		while (out.length < length) out += floor(this.next() * radix ** perDraw).toString(radix).padStart(perDraw, '0');
		return out.slice(0, length);
	}

	/** Fisher-Yates shuffle of a copy. */
	shuffled<T>(items: readonly T[]): T[] {
		const out = items.slice();
		for (let i = out.length - 1; i > 0; i--) {
			const j = this.int(i + 1);
			[out[i], out[j]] = [out[j], out[i]];
		}
		return out;
	}
}
