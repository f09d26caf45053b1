// The example workflows in examples/, and how they are adapted to one n8n instance: the credential they
// use, the feed URL, the folder read from disk. Everything else is imported exactly as shipped.
'use strict';
const fs = require('fs');
const path = require('path');

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
const SANDBOX_CREDENTIAL = { id: 'hlSandboxCred01', name: 'Highload Sandbox' };

const EXAMPLES = {
	rss: '1-rss-to-highload.json',
	cleanup: '2-scheduled-clean-up.json',
	disk: '3-upload-from-disk.json',
	alert: '4-new-file-alert.json',
};

function loadExample(key) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, EXAMPLES[key]), 'utf8'));
}

function loadAll() {
	return Object.fromEntries(Object.keys(EXAMPLES).map((k) => [k, loadExample(k)]));
}

/**
 * Returns a copy of the workflow with:
 * - every `highloadApi` credential reference pointing at `credential` ({id, name});
 * - the RSS node's URL set to `feedUrl`; the disk reader's pattern set to `fileSelector`;
 * - optionally a new id and name suffix (so one instance can hold several copies).
 */
function prepare(workflow, { credential = SANDBOX_CREDENTIAL, feedUrl, fileSelector, id, nameSuffix } = {}) {
	const wf = JSON.parse(JSON.stringify(workflow));
	if (id) wf.id = id;
	if (nameSuffix) wf.name = `${wf.name} ${nameSuffix}`;
	for (const node of wf.nodes) {
		if (node.credentials && node.credentials.highloadApi) node.credentials.highloadApi = { id: credential.id, name: credential.name };
		if (feedUrl && node.type === 'n8n-nodes-base.rssFeedRead') node.parameters.url = feedUrl;
		if (fileSelector && node.type === 'n8n-nodes-base.readWriteFile') node.parameters.fileSelector = fileSelector;
	}
	return wf;
}

/** Names of the credential's fields, read from the built credential (dist/), so renames are followed. */
function credentialFieldNames() {
	const names = { login: 'login', key: 'key', baseUrl: 'baseUrl' };
	try {
		const mod = require(path.resolve(__dirname, '..', '..', 'dist', 'credentials', 'HighloadApi.credentials.js'));
		const Cls = Object.values(mod).find((v) => typeof v === 'function');
		const props = new Cls().properties.map((p) => p.name);
		names.login = props.find((n) => /login|user/i.test(n)) ?? names.login;
		names.key = props.find((n) => /key|password|secret/i.test(n)) ?? names.key;
		names.baseUrl = props.find((n) => /url/i.test(n)) ?? names.baseUrl;
	} catch {}
	return names;
}

/** A credential in the shape `n8n import:credentials` takes (plain data; n8n encrypts it on import). */
function credentialFor(sim, { id = SANDBOX_CREDENTIAL.id, name = SANDBOX_CREDENTIAL.name } = {}) {
	const f = credentialFieldNames();
	return { id, name, type: 'highloadApi', data: { [f.login]: sim.login, [f.key]: sim.key, [f.baseUrl]: sim.url } };
}

module.exports = { EXAMPLES_DIR, EXAMPLES, SANDBOX_CREDENTIAL, loadExample, loadAll, prepare, credentialFor, credentialFieldNames };
