/**
 * Examples 1-3 in the pinned n8n 2.x that `npm start` runs (examples-suite.ts), with the module probe: the CLI's
 * processes load the package against n8n's own n8n-workflow.
 */
import { defineExampleSuite } from './examples-suite';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LANES } = require('../../scripts/provision-n8n');

defineExampleSuite('2.x', `n8n ${LANES['2.x'].pins.n8n.split('@')[1]}`, { moduleProbe: true });
