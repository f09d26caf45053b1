import type { SimulatorCore } from '../core';
import type { Params } from '../params';
import type { Renderer } from '../render';

export interface ApiContext {
	readonly core: SimulatorCore;
	readonly params: Params;
	readonly render: Renderer;
}

/** Returns the envelope's `result`, or throws ApiError for an error envelope. */
export type ApiHandler = (ctx: ApiContext) => unknown;

export type EndpointTable = Record<string, ApiHandler>;
