#!/usr/bin/env node
/**
 * Refuses a release that n8n's verified listing or its users would trip over: package.json's author,
 * repository, homepage and bugs must be real (not missing, not placeholders), the repository a public GitHub one
 * (n8n fetches the source that npm's provenance names), and CHANGELOG.md must have an entry for the version. With
 * a tag (the publish workflow passes the pushed tag), the tag must name the version.
 *
 *   npm run release:check [-- --tag v1.2.3] [-- --dir DIR]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLACEHOLDER =
	/example\.(com|org)|your[-_ ]?|replace|todo|placeholder|<[^>]*>|owner\/repo|username/i;

function option(name) {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? process.argv[at + 1] : undefined;
}

function urlOf(value) {
	return typeof value === 'string' ? value : value?.url;
}

function textProblem(label, value) {
	if (typeof value !== 'string' || value.trim() === '') return `${label} is missing`;
	return PLACEHOLDER.test(value) ? `${label} looks like a placeholder: "${value}"` : undefined;
}

function httpsProblem(label, value) {
	return (
		textProblem(label, value) ??
		(/^https:\/\/\S+$/.test(value) ? undefined : `${label} must be an https URL, got "${value}"`)
	);
}

function releaseProblems(pkg, changelog, tag) {
	const repository = urlOf(pkg.repository)?.replace(/^git\+/, '');
	const problems = [
		textProblem(
			'author.name',
			pkg.author?.name ?? (typeof pkg.author === 'string' ? pkg.author : undefined),
		),
		typeof pkg.author === 'object' ? textProblem('author.email', pkg.author?.email) : undefined,
		httpsProblem('repository.url', repository) ??
			(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+?(\.git)?$/.test(repository)
				? undefined
				: `repository.url must be a public GitHub repository (n8n reads the source npm's provenance names), got "${repository}"`),
		httpsProblem('homepage', pkg.homepage),
		httpsProblem('bugs.url', urlOf(pkg.bugs)),
	];
	const version = pkg.version;
	const entry = new RegExp(`^## \\[${String(version).replace(/\./g, '\\.')}\\]`, 'm');
	if (!entry.test(changelog)) problems.push(`CHANGELOG.md has no "## [${version}]" entry`);
	if (tag !== undefined && tag !== version && tag !== `v${version}`)
		problems.push(`the tag "${tag}" does not name the version ${version} in package.json`);
	return problems.filter(Boolean);
}

function main() {
	const dir = resolve(option('dir') ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
	const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
	const problems = releaseProblems(pkg, changelog, option('tag'));
	if (problems.length === 0) {
		console.log(`ready to release ${pkg.name}@${pkg.version}`);
		return 0;
	}
	console.error(
		`Not ready to release ${pkg.name}@${pkg.version}:\n${problems.map((p) => `- ${p}`).join('\n')}`,
	);
	return 1;
}

process.exit(main());
