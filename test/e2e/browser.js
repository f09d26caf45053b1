// Headless Chromium from Debian (/usr/bin/chromium) driven by playwright-core (installed by scripts/provision-n8n.js into
// .cache/n8n/tools, never downloading a browser of its own).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { paths } = require('../../scripts/provision-n8n');

const CHROMIUM = process.env.HIGHLOAD_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

function playwright() {
	return require(paths().playwrightCore);
}

/** Opens a persistent context in a fresh profile folder; `close()` also removes that folder. */
async function launch({ viewport = { width: 1440, height: 900 } } = {}) {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'highload-chromium-'));
	const context = await playwright().chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport,
		deviceScaleFactor: 1,
		timeout: 60000,
	});
	return {
		context,
		async close() {
			await context.close().catch(() => {});
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

module.exports = { launch, CHROMIUM, FLAGS };
