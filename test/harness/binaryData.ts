import { Container } from '@n8n/di';
import { BinaryDataConfig, BinaryDataService } from 'n8n-core';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export type BinaryMode = 'memory' | 'filesystem';

let storagePath: string | undefined;

/** Where filesystem-mode binaries are stored (for tests that change a stored binary under the node). */
export function binaryStoragePath(): string | undefined {
	return storagePath;
}

/**
 * Switches n8n's binary data service between its two local modes: 'memory' keeps binaries base64 in the item
 * (n8n's `default` mode), 'filesystem' stores them on disk and gives each an id, as a self-hosted n8n does.
 */
export async function useBinaryMode(mode: BinaryMode): Promise<void> {
	const config = Container.get(BinaryDataConfig);
	storagePath ??= mkdtempSync(join(tmpdir(), 'highload-binary-'));
	config.localStoragePath = storagePath;
	config.mode = mode === 'filesystem' ? 'filesystem' : 'default';
	await Container.get(BinaryDataService).init();
}
