// The sandbox that `npm start` (and the e2e suite) run next to n8n: the Highload API simulator
// (test/simulator, TypeScript, transpiled on load) with seed data, plus a small HTTP server with an RSS
// feed and the media files it links to (example 1 reads that feed).
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const crypto = require('crypto');
require('../ts-register').register();

const SIMULATOR_PATH = path.resolve(__dirname, '..', '..', 'test', 'simulator');

function loadSimulator() {
	return require(SIMULATOR_PATH).HighloadSimulator;
}

const FEED_ITEMS = [
	{ title: 'Big Buck Bunny (2008)', file: 'big-buck-bunny.mp4', date: 'Tue, 10 Jun 2025 10:00:00 GMT' },
	{ title: 'Sintel (2010)', file: 'sintel.mp4', date: 'Wed, 11 Jun 2025 10:00:00 GMT' },
	{ title: 'Tears of Steel (2012)', file: 'tears-of-steel.mp4', date: 'Thu, 12 Jun 2025 10:00:00 GMT' },
];

function feedXml(base) {
	const items = FEED_ITEMS.map(
		(i) => `    <item>
      <title>${i.title}</title>
      <link>${base}/media/${i.file}</link>
      <guid isPermaLink="false">${i.file}</guid>
      <pubDate>${i.date}</pubDate>
      <enclosure url="${base}/media/${i.file}" length="1048576" type="video/mp4"/>
      <description>Open movie ${i.title}, served by the Highload sandbox.</description>
    </item>`,
	).join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Highload sandbox: open movies</title>
    <link>${base}/</link>
    <description>A feed the Highload sandbox serves for the "RSS to Highload" example.</description>
${items}
  </channel>
</rss>
`;
}

/** Serves /feed.xml and /media/<name> (deterministic bytes) on 127.0.0.1. */
function startFeedServer(port = 0) {
	return new Promise((resolve, reject) => {
		let base = '';
		const server = http.createServer((req, res) => {
			const url = new URL(req.url, 'http://x');
			if (url.pathname === '/feed.xml' || url.pathname === '/') {
				res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
				return res.end(feedXml(base));
			}
			if (url.pathname.startsWith('/media/')) {
				const body = crypto.createHash('sha256').update(url.pathname).digest();
				res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(body.length) });
				return res.end(body);
			}
			res.writeHead(404, { 'content-type': 'text/plain' });
			res.end('not found');
		});
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			base = `http://127.0.0.1:${server.address().port}`;
			resolve({
				url: `${base}/feed.xml`,
				base,
				items: FEED_ITEMS.map((i) => ({ ...i, link: `${base}/media/${i.file}` })),
				close: () =>
					new Promise((r) => {
						server.closeAllConnections?.();
						server.close(() => r());
					}),
			});
		});
	});
}

/** The sandbox's sample account (test/simulator/seedData.ts). */
function seed(sim) {
	return require('../../test/simulator/seedData.ts').seedSandbox(sim);
}

/** A deterministic sample file for the "Upload from disk" example. */
function writeSampleFiles(dir) {
	const sub = path.join(dir, 'upload');
	fs.mkdirSync(sub, { recursive: true });
	const file = path.join(sub, 'sample-video.mp4');
	if (!fs.existsSync(file)) {
		const chunks = [];
		for (let i = 0; i < 1024; i++) chunks.push(crypto.createHash('sha512').update(`highload-sample-${i}`).digest());
		fs.writeFileSync(file, Buffer.concat(chunks)); // 64 KiB
	}
	return { dir: sub, glob: path.join(sub, '*.mp4'), files: [file] };
}

/**
 * Starts the simulator (options as HighloadSimulator.start) and the feed server.
 * Returns { sim, feed, close() }.
 */
async function startSandbox({ simulatorPort = 0, feedPort = 0, seedData = true, options = {} } = {}) {
	const HighloadSimulator = loadSimulator();
	const sim = await HighloadSimulator.start({ autoAdvanceRemote: ['downloading', 'finished'], ...options }, { port: simulatorPort, host: '127.0.0.1' });
	let feed;
	try {
		feed = await startFeedServer(feedPort);
	} catch (e) {
		await sim.close();
		throw e;
	}
	const seeded = seedData ? seed(sim) : null;
	return {
		sim,
		feed,
		seeded,
		async close() {
			await Promise.allSettled([sim.close(), feed.close()]);
		},
	};
}

module.exports = { loadSimulator, startFeedServer, startSandbox, seed, writeSampleFiles, FEED_ITEMS };
