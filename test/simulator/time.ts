/** Server timestamps are "YYYY-MM-DD HH:MM:SS" (UTC here); this value means "not yet". */
export const NOT_YET = '0000-00-00 00:00:00';

export function formatTime(date: Date = new Date()): string {
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function sleep(ms: number): Promise<void> {
	return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
