/**
 * The package checks can fail: n8n's community-package scan (npm run lint:scan) on packages made to break its
 * rules, with inline eslint-disable comments that the scan ignores; the workflow validator (npm run
 * lint:workflows) on a broken workflow; the release check (npm run release:check) on missing and placeholder
 * fields, a missing changelog entry and a tag that names another version.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'creatify-checks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, args: string[]) {
	const result = spawnSync('node', [join(root, script), ...args], { cwd: root, encoding: 'utf8' });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** A copy of the package's sources in a folder of its own, changed by `change`. */
function sourcesCopy(name: string, change: (dir: string) => void): string {
	const dir = join(work, name);
	mkdirSync(dir);
	cpSync(join(root, 'nodes'), join(dir, 'nodes'), { recursive: true });
	cpSync(join(root, 'credentials'), join(dir, 'credentials'), { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson, null, 2));
	change(dir);
	return dir;
}

test('the scan fails on a restricted global and on a runtime dependency, whatever inline comments say', () => {
	const dir = sourcesCopy('bad', (d) => {
		const pkg = { ...packageJson, dependencies: { axios: '1.12.0' } };
		writeFileSync(join(d, 'package.json'), JSON.stringify(pkg, null, 2));
		writeFileSync(
			join(d, 'nodes', 'shared', 'helpers', 'later.ts'),
			'// eslint-disable-next-line\nexport const later = (fn: () => void) => setTimeout(fn, 10);\n',
		);
	});
	const { status, output } = run('test/package/scan.mjs', [dir]);
	expect(status).toBe(1);
	expect(output).toContain('FAILED');
	expect(output).toMatch(/no-restricted-globals/);
	expect(output).toMatch(/no-runtime-dependencies/);
}, 120_000);

test('the scan passes the same sources unchanged', () => {
	const { status, output } = run('test/package/scan.mjs', [sourcesCopy('good', () => {})]);
	expect(output).toContain('passed');
	expect(status).toBe(0);
}, 120_000);

test('the workflow validator refuses a job without a runner', () => {
	const broken = join(work, 'broken.yml');
	const ci = readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8');
	writeFileSync(broken, ci.replace(/^\s+runs-on: .*$/m, ''));
	const result = spawnSync(join(root, 'node_modules', '.bin', 'action-validator'), [broken], {
		encoding: 'utf8',
	});
	expect(result.status).not.toBe(0);
	expect(`${result.stdout}${result.stderr}`).toContain('/jobs/test/runs-on');
	const good = spawnSync(join(root, 'node_modules', '.bin', 'action-validator'), [
		join(root, '.github', 'workflows', 'publish.yml'),
	]);
	expect(good.status).toBe(0);
});

describe('release check', () => {
	const complete = {
		...packageJson,
		version: '1.2.0',
		author: { name: 'Jane Maintainer', email: 'jane@creatify-nodes.dev' },
		repository: { type: 'git', url: 'git+https://github.com/jane/n8n-nodes-creatify.git' },
		homepage: 'https://github.com/jane/n8n-nodes-creatify#readme',
		bugs: { url: 'https://github.com/jane/n8n-nodes-creatify/issues' },
	};
	const release = (name: string, pkg: object, changelog: string, tag?: string) => {
		const dir = join(work, name);
		mkdirSync(dir);
		writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
		writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
		return run('test/package/releaseCheck.mjs', ['--dir', dir, ...(tag ? ['--tag', tag] : [])]);
	};

	test("refuses this repository's package.json as it is: no repository, homepage, bugs or changelog entry", () => {
		const { status, output } = run('test/package/releaseCheck.mjs', []);
		expect(status).toBe(1);
		expect(output).toContain('- repository.url is missing');
		expect(output).toContain('- homepage is missing');
		expect(output).toContain('- bugs.url is missing');
		expect(output).toContain(`- CHANGELOG.md has no "## [${packageJson.version}]" entry`);
	});

	test('passes a complete package.json with a changelog entry and its tag', () => {
		const { status, output } = release('ok', complete, '## [1.2.0] - 2026-12-03\n', 'v1.2.0');
		expect(output).toContain('ready to release n8n-nodes-creatify@1.2.0');
		expect(status).toBe(0);
	});

	test('refuses placeholders, a repository off GitHub, and a tag of another version', () => {
		const pkg = {
			...complete,
			author: { name: 'Your Name', email: 'you@example.com' },
			repository: { url: 'https://gitlab.com/jane/n8n-nodes-creatify' },
		};
		const { status, output } = release('placeholders', pkg, '## [1.2.0]\n', '1.1.9');
		expect(status).toBe(1);
		expect(output).toContain('- author.name looks like a placeholder: "Your Name"');
		expect(output).toContain('- author.email looks like a placeholder: "you@example.com"');
		expect(output).toMatch(/- repository.url must be a public GitHub repository/);
		expect(output).toContain('- the tag "1.1.9" does not name the version 1.2.0 in package.json');
	});
});
