import type { Gate } from './gate';

/**
 * Everything this package keeps in an n8n process beyond one node run, poll or search. Each lives only in its
 * process (in queue mode every worker and the main instance have their own) and holds no secret.
 */

/** Requests in flight per Highload account (a hash of login + Base URL), removed when idle: accountGate.ts. */
export const accountGates = new Map<string, Gate>();

/**
 * Values shared by the items of one node run, keyed by the run's execute-data object (a WeakMap: nothing outlives
 * the run): runCache.ts.
 */
export const valuesOfRun = new WeakMap<object, Map<string, unknown>>();

/** Trigger polls still running, by workflow and node, so an overlapping poll steps aside: trigger/poll.ts. */
export const runningPolls = new Set<string>();

// The editor's folder search (methods/searchFolders.ts) keeps its walks per account too, until it is made stateless.
