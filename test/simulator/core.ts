import type { FaultPlan } from './faults';
import type { RequestHooks } from './hooks';
import type { FolderListing } from './listing';
import type { ResolvedOptions } from './options';
import type { SimulatorState } from './state';
import type { Stats } from './stats';

/** What the HTTP side needs from the simulator. */
export interface SimulatorCore {
	readonly options: ResolvedOptions;
	readonly state: SimulatorState;
	readonly listing: FolderListing;
	readonly stats: Stats;
	readonly faults: FaultPlan;
	readonly hooks: RequestHooks;
	readonly url: string;
	/** Where the upload and thumbnail URLs it hands out point (the same server, maybe under another host name). */
	readonly fileServerUrl: string;
}
