/** Examples 1-3 in the pinned n8n 2.41.1 (the suite itself: examples-suite.ts). */
import { defineExampleSuite } from './examples-suite';

defineExampleSuite('2.x', 'n8n 2.41.1');
