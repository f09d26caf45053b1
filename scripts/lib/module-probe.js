// Preloaded into a real n8n by the e2e suite (`NODE_OPTIONS=--require <this file>`): records which file every
// `require('n8n-workflow')` made by this package's code resolves to, one JSON line per distinct answer, in the file
// named by HIGHLOAD_MODULE_PROBE. The suite checks that it is n8n's own copy, as in a user's n8n.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');

const out = process.env.HIGHLOAD_MODULE_PROBE;
const marker = `${path.sep}node_modules${path.sep}n8n-nodes-highload${path.sep}`;
const seen = new Set();

if (out) {
	const resolve = Module._resolveFilename;
	Module._resolveFilename = function probedResolve(request, parent, ...rest) {
		const resolved = resolve.call(this, request, parent, ...rest);
		if ((request === 'n8n-workflow' || request.startsWith('n8n-workflow/')) && parent?.filename?.includes(marker)) {
			const key = `${request}\0${resolved}`;
			if (!seen.has(key)) {
				seen.add(key);
				try {
					fs.appendFileSync(out, `${JSON.stringify({ request, from: parent.filename, resolved, pid: process.pid })}\n`);
				} catch {}
			}
		}
		return resolved;
	};
}
