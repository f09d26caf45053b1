import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/**
 * The trigger's memory, in the node's static data (saved by n8n as JSON, only when it changed): the scope it was
 * recorded for (event, folder or ids, account) and what that event remembers. A node watches one event at a time:
 * the other event's memory is dropped when one is written. This is the only module that reads or writes it.
 */
interface TriggerMemory {
	/** Event, account and what is watched: a change of any records anew instead of emitting. */
	scope?: string;
	/** File events: the files of the last complete listing (fileState.ts). */
	files?: string;
	/** remoteUploadChanged: the last status of each upload still listed. */
	uploads?: Record<string, string>;
}

export type EventMemory = Required<Pick<TriggerMemory, 'files'>> | Required<Pick<TriggerMemory, 'uploads'>>;

const memoryOf = (context: IPollFunctions) => context.getWorkflowStaticData('node') as TriggerMemory & IDataObject;

/** What was remembered for `scope`, or undefined when the memory was recorded for another scope, or never. */
export function recallFiles(context: IPollFunctions, scope: string): string | undefined {
	const memory = memoryOf(context);
	return memory.scope === scope && typeof memory.files === 'string' ? memory.files : undefined;
}

/** The upload statuses remembered for `scope`, or undefined when recorded for another scope, or never. */
export function recallUploads(context: IPollFunctions, scope: string): Record<string, string> | undefined {
	const memory = memoryOf(context);
	return memory.scope === scope && typeof memory.uploads === 'object' && memory.uploads !== null ? memory.uploads : undefined;
}

/** Remembers `next` for `scope`, writing only what changed; the other event's memory goes. */
export function remember(context: IPollFunctions, scope: string, next: EventMemory): void {
	const memory = memoryOf(context);
	if (memory.scope !== scope) memory.scope = scope;
	if ('files' in next) {
		if (memory.files !== next.files) memory.files = next.files;
		if (memory.uploads !== undefined) delete memory.uploads;
	} else {
		if (JSON.stringify(memory.uploads) !== JSON.stringify(next.uploads)) memory.uploads = next.uploads;
		if (memory.files !== undefined) delete memory.files;
	}
}
