#!/usr/bin/env node
// Runs n8n's own community-package scanner (`analyzePackage` from @n8n/scan-community-package, the check n8n
// applies before verifying a package) over the source files it scans and over the unpacked `npm pack` output.
// The scanner itself fails on errors only; we also lint the same files with the scanner's own config and hold
// warnings to zero, and check that the tarball holds only what a user's n8n needs.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');

async function check(scanner, dir, patterns, label) {
	const { ESLint } = require('eslint');
	const glob = require('fast-glob');
	const analysis = await scanner.analyzePackage(dir, patterns);
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const results = await eslint.lintFiles(files);
	const findings = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
	if (!analysis.passed || findings > 0) {
		const formatter = await eslint.loadFormatter('stylish');
		console.error(`scanner (${label}): ${analysis.message ?? `${findings} findings`}\n${await formatter.format(results)}`);
		return false;
	}
	console.log(`scanner (${label}): ${files.length} files, no findings`);
	return true;
}

/** The package ships its build and nothing else: dist/, README.md, LICENSE and package.json. */
function checkShippedFiles(unpacked) {
	const glob = require('fast-glob');
	const files = glob.sync('**/*', { cwd: unpacked, dot: true });
	const stray = files.filter((file) => !/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(file));
	if (stray.length > 0) {
		console.error(`npm pack: files outside dist/ would ship: ${stray.join(', ')}`);
		return false;
	}
	console.log(`npm pack: ${files.length} files, all in dist/ or README.md, LICENSE, package.json`);
	return true;
}

function unpackTarball() {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'highload-scan-'));
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: root });
	const [{ filename }] = JSON.parse(output.toString());
	execFileSync('tar', ['-xzf', path.join(workDir, path.basename(filename)), '-C', workDir]);
	return { workDir, unpacked: path.join(workDir, 'package') };
}

async function main() {
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	let ok = await check(scanner, root, ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'], 'source');
	const { workDir, unpacked } = unpackTarball();
	try {
		ok = (await check(scanner, unpacked, ['**/*.js', 'package.json'], 'npm pack output')) && ok;
		ok = checkShippedFiles(unpacked) && ok;
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
