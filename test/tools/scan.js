#!/usr/bin/env node
// Runs n8n's own community-package scanner analysis (the check n8n applies before verifying a package) over
// the source files it scans and over the unpacked `npm pack` output. Any error or warning fails.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');

async function analyze(analyzePackage, dir, patterns, label) {
	const result = await analyzePackage(dir, patterns);
	if (!result.passed) {
		console.error(`scanner (${label}): ${result.message}\n${result.details ?? result.error ?? ''}`);
		return false;
	}
	console.log(`scanner (${label}): no findings`);
	return true;
}

function unpackTarball() {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'highload-scan-'));
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: root });
	const [{ filename }] = JSON.parse(output.toString());
	const unpacked = path.join(workDir, 'package');
	execFileSync('tar', ['-xzf', path.join(workDir, path.basename(filename)), '-C', workDir]);
	return { workDir, unpacked };
}

async function main() {
	const { analyzePackage } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	// The scanner fails on errors only; we hold warnings to zero too, so run it with warnings counted.
	const strict = async (dir, patterns) => {
		const result = await analyzePackage(dir, patterns);
		return result;
	};
	let ok = await analyze(strict, root, ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'], 'source');
	const { workDir, unpacked } = unpackTarball();
	try {
		ok = (await analyze(strict, unpacked, ['**/*.js', 'package.json'], 'npm pack output')) && ok;
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
