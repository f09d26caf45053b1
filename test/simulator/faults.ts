/**
 * Injected failures. A fault is matched by endpoint ('file/listfolder'), 'upload' for upload POSTs,
 * 'thumb' for thumbnail downloads, or '*' for everything.
 */
export type FaultKind =
	| 'bandwidth' // 509 envelope
	| 'html' // 502 HTML page from a "proxy"
	| 'truncated' // HTTP 200, JSON cut in the middle
	| 'reset' // socket destroyed, no answer
	| 'noAnswer' // request held open until close()
	| 'echoHtml' // 502 HTML page quoting the request URL (query, key included), as some gateways do
	| 'echoJson' // error envelope whose msg quotes the request URL (query, key included)
	| { status: number; msg?: string } // any envelope error
	| { result: unknown } // status 200 envelope with this result instead of the real one (null, true, {}...)
	| { redirect: string; status?: number }; // redirect (302 by default) to this Location; `{query}` is the request's query

export interface FaultSpec {
	kind: FaultKind;
	/** How many matching requests fail (default 1; Infinity allowed). */
	times?: number;
	/** Let this many matching requests through first. */
	skip?: number;
}

interface ActiveFault {
	endpoint: string;
	kind: FaultKind;
	remaining: number;
	toSkip: number;
}

export class FaultPlan {
	private faults: ActiveFault[] = [];

	add(endpoint: string, spec: FaultSpec): void {
		this.faults.push({ endpoint, kind: spec.kind, remaining: spec.times ?? 1, toSkip: spec.skip ?? 0 });
	}

	clear(): void {
		this.faults = [];
	}

	/** The fault to apply to this request, if any (consumes one skip or one time of the first matching fault). */
	take(endpoint: string): FaultKind | undefined {
		for (const fault of this.faults) {
			if ((fault.endpoint !== '*' && fault.endpoint !== endpoint) || fault.remaining <= 0) continue;
			if (fault.toSkip > 0) {
				fault.toSkip--;
				continue;
			}
			fault.remaining--;
			return fault.kind;
		}
		return undefined;
	}
}
