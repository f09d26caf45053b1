// The benchmark's anchor: the smallest declarative node that makes the Highload node's `file.get` request — plain
// `routing` (no hooks), the same credential type (`highloadApi`, whose `authenticate` block n8n applies), the same
// `GET <baseUrl>/file/info?file=<id>`. It is written at bench time into a temporary package and packed there; it is
// never shipped. Highload's time over the anchor's is what the package itself costs on top of n8n's engine.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ANCHOR_PACKAGE = 'n8n-nodes-highload-anchor';
const ANCHOR_TYPE = `${ANCHOR_PACKAGE}.highloadAnchor`;

const NODE_SOURCE = `'use strict';
class HighloadAnchor {
	constructor() {
		this.description = {
			displayName: 'Highload Anchor',
			name: 'highloadAnchor',
			group: ['transform'],
			version: 1,
			description: 'Benchmark anchor: file/info with plain routing',
			defaults: { name: 'Highload Anchor' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'highloadApi', required: true }],
			requestDefaults: { baseURL: '={{$credentials.baseUrl}}' },
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'options',
					noDataExpression: true,
					options: [{ name: 'Get File', value: 'get', action: 'Get a file', routing: { request: { method: 'GET', url: '/file/info' } } }],
					default: 'get',
				},
				{ displayName: 'File ID', name: 'fileId', type: 'string', default: '', routing: { send: { type: 'query', property: 'file' } } },
			],
		};
	}
}
module.exports = { HighloadAnchor };
`;

/** Writes the anchor package under `dir` and packs it there; returns the tarball's path. */
function packAnchor(dir) {
	const pkgDir = path.join(dir, 'anchor');
	fs.rmSync(pkgDir, { recursive: true, force: true });
	fs.mkdirSync(path.join(pkgDir, 'dist'), { recursive: true });
	fs.writeFileSync(path.join(pkgDir, 'dist', 'HighloadAnchor.node.js'), NODE_SOURCE);
	const pkg = {
		name: ANCHOR_PACKAGE,
		version: '0.0.0',
		private: true,
		license: 'MIT',
		files: ['dist'],
		n8n: { n8nNodesApiVersion: 1, credentials: [], nodes: ['dist/HighloadAnchor.node.js'] },
	};
	fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify(pkg, null, 2));
	const p = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: pkgDir, encoding: 'utf8' });
	if (p.status !== 0) throw new Error(`npm pack of the anchor failed:\n${p.stdout}\n${p.stderr}`);
	return path.join(dir, JSON.parse(p.stdout)[0].filename);
}

/** The anchor node in a workflow, reading the id of each item. */
function anchorNode(credential, position) {
	return {
		id: 'b0000000-0000-4000-8000-000000000040',
		name: 'Anchor: file/info',
		type: ANCHOR_TYPE,
		typeVersion: 1,
		position,
		parameters: { operation: 'get', fileId: '={{ $json.ids }}' },
		credentials: { highloadApi: credential },
	};
}

module.exports = { ANCHOR_PACKAGE, packAnchor, anchorNode };
