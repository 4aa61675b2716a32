#!/usr/bin/env node
/**
 * n8n's community-package scan, run offline: the ESLint rule set of @n8n/scan-community-package (what n8n runs
 * before it lists a package as verified), applied as it applies it, with inline `eslint-disable` comments
 * ignored, to the sources (package.json, nodes/, credentials/) and to the tarball `npm pack` makes (its compiled
 * .js and package.json).
 *
 *   npm run lint:scan            the package: sources, then a fresh build packed and scanned
 *   node test/package/scan.mjs DIR   the sources in DIR only (the tests use it on packages made to fail)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// eslint-plugin-n8n-nodes-base treats every file as a node file of its own tests when NODE_ENV is "test" (as under
// a test runner), which would report rules that do not apply; the scan runs as n8n runs it.
delete process.env.NODE_ENV;

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
	return result.stdout.toString();
}

/** The package as npm would publish it: built, packed, unpacked into a temporary folder. */
function packedPackage() {
	run('npm', ['run', 'build', '--silent'], root);
	const dir = mkdtempSync(join(tmpdir(), 'creatify-scan-'));
	const [{ filename }] = JSON.parse(
		run('npm', ['pack', '--json', '--pack-destination', dir], root),
	);
	const unpacked = join(dir, 'package');
	mkdirSync(unpacked);
	run('tar', ['-xzf', join(dir, filename), '-C', unpacked, '--strip-components=1'], dir);
	return { dir, unpacked };
}

async function scan(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	console.log(
		`${result.passed ? 'passed' : 'FAILED'}: ${label}${result.message ? ` (${result.message})` : ''}`,
	);
	if (result.details) console.log(result.details);
	return result.passed;
}

async function main() {
	const only = process.argv[2];
	if (only) return await scan(`sources in ${only}`, resolve(only), SOURCE_FILE_PATTERNS);
	const sources = await scan(
		'sources (package.json, nodes/, credentials/)',
		root,
		SOURCE_FILE_PATTERNS,
	);
	const { dir, unpacked } = packedPackage();
	try {
		const files = readdirSync(unpacked).join(', ');
		const tarball = await scan(`tarball (${files})`, unpacked, ['**/*.js', 'package.json']);
		return sources && tarball;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

main().then(
	(passed) => process.exit(passed ? 0 : 1),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
