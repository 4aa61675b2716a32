/**
 * Redis and PostgreSQL for n8n's queue mode, from Debian's packages (installed with apt-get when missing),
 * each started on loopback in a throw-away folder and stopped with everything it started.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './runtime';

function log(message: string) {
	process.stderr.write(`[services] ${message}\n`);
}

const isRoot = process.getuid?.() === 0;

/** Installs Debian packages when `present` says they are missing (needs root, as on CI machines). */
function ensureDebianPackages(packages: string[], present: () => boolean): void {
	if (present()) return;
	if (!isRoot) throw new Error(`${packages.join(' ')} missing: install them (Debian) and rerun`);
	log(`installing ${packages.join(' ')} from Debian's packages`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const aptGet = (args: string[]) =>
		execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
	try {
		aptGet(['install', '-y', '--no-install-recommends', ...packages]);
	} catch {
		aptGet(['update']);
		aptGet(['install', '-y', '--no-install-recommends', ...packages]);
	}
}

function onPath(command: string): boolean {
	return (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, command)));
}

async function waitFor(
	what: string,
	probe: () => boolean,
	child: ChildProcess,
	timeoutMs = 30_000,
) {
	const deadline = Date.now() + timeoutMs;
	while (!probe()) {
		if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
		if (Date.now() > deadline) throw new Error(`${what} did not start`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function stopChild(child: ChildProcess | undefined) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}

export class RedisServer {
	private child?: ChildProcess;
	port = 0;

	async start(): Promise<void> {
		ensureDebianPackages(['redis-server'], () => onPath('redis-server') && onPath('redis-cli'));
		this.port = await freePort();
		this.child = spawn(
			'redis-server',
			['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{
				stdio: 'ignore',
			},
		);
		await waitFor('redis-server', () => ping(this.port), this.child);
	}

	async stop(): Promise<void> {
		await stopChild(this.child);
	}
}

function ping(port: number): boolean {
	try {
		return (
			execFileSync('redis-cli', ['-p', String(port), 'ping'], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}).trim() === 'PONG'
		);
	} catch {
		return false;
	}
}

/**
 * Debian keeps PostgreSQL's server programs out of PATH, under /usr/lib/postgresql/<major>/bin (where a
 * client-only install has psql but no server).
 */
function postgresBin(): string | undefined {
	const base = '/usr/lib/postgresql';
	const majors = existsSync(base)
		? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'postgres')))
		: [];
	const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
	return newest ? join(base, newest, 'bin') : undefined;
}

export class PostgresServer {
	private child?: ChildProcess;
	private dir = '';
	port = 0;
	readonly user = 'postgres';
	readonly database = 'postgres';

	async start(): Promise<void> {
		ensureDebianPackages(['postgresql'], () => postgresBin() !== undefined && onPath('psql'));
		const bin = postgresBin()!;
		this.dir = mkdtempSync(join(tmpdir(), 'creatify-pg-'));
		// PostgreSQL refuses to run as root: as root, run it as Debian's postgres user
		const asOwner = (command: string, args: string[]) =>
			(isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]) as [
				string,
				string[],
			];
		if (isRoot) {
			const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
			const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
			chownSync(this.dir, uid, gid);
		}
		const data = join(this.dir, 'data');
		execFileSync(
			...asOwner(join(bin, 'initdb'), ['-D', data, '-U', this.user, '-A', 'trust', '--no-sync']),
			{ stdio: 'ignore' },
		);
		this.port = await freePort();
		const [command, args] = asOwner(join(bin, 'postgres'), [
			'-D',
			data,
			'-p',
			String(this.port),
			'-k',
			this.dir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'max_connections=200',
		]);
		this.child = spawn(command, args, { stdio: 'ignore' });
		await waitFor('postgres', () => this.ready(bin), this.child);
	}

	private ready(bin: string): boolean {
		try {
			execFileSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(this.port)], {
				stdio: 'ignore',
			});
			return true;
		} catch {
			return false;
		}
	}

	/** Runs SQL with psql; returns its unaligned output. */
	query(sql: string): string {
		return execFileSync(
			'psql',
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(this.port),
				'-U',
				this.user,
				'-d',
				this.database,
				'-At',
				'-c',
				sql,
			],
			{
				encoding: 'utf8',
			},
		).trim();
	}

	/** n8n's settings for this database. */
	n8nEnv(): Record<string, string> {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	async stop(): Promise<void> {
		await stopChild(this.child);
		if (this.dir) rmSync(this.dir, { recursive: true, force: true });
	}
}
