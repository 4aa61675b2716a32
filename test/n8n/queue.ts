/**
 * n8n in queue mode on one host, as users scale it out: Redis as the queue, PostgreSQL as the database, a main
 * process (editor, API, waiting-execution tracker), workers that run executions and a webhook processor that
 * takes production webhooks and resumes waiting executions. Every process gets our packed package (they share
 * one user folder), the same encryption key and database; WEBHOOK_URL points at the webhook processor, so
 * Creatify callbacks and resume URLs go there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, installPackage, N8nProcess } from './runtime';
import { PostgresServer, RedisServer } from './services';

export interface QueueClusterOptions {
	workers?: number;
	/** executions one worker runs at once */
	workerConcurrency?: number;
	env?: Record<string, string>;
}

export class QueueCluster {
	readonly redis = new RedisServer();
	readonly postgres = new PostgresServer();
	readonly userFolder = mkdtempSync(join(tmpdir(), 'creatify-queue-'));
	main!: N8nProcess;
	webhook!: N8nProcess;
	workers: N8nProcess[] = [];

	constructor(private readonly options: QueueClusterOptions = {}) {}

	async start(tarball: string): Promise<void> {
		installPackage(this.userFolder, tarball);
		await Promise.all([this.redis.start(), this.postgres.start()]);
		const webhookPort = await freePort();
		const shared = {
			...this.postgres.n8nEnv(),
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
			N8N_DEFAULT_BINARY_DATA_MODE: 'default',
			...this.options.env,
		};
		const process = (
			port: number,
			env: Record<string, string> = {},
			readiness: 'rest' | 'health' = 'health',
		) =>
			new N8nProcess({
				userFolder: this.userFolder,
				port,
				encryptionKey: 'creatify-queue-key',
				quiet: true,
				readiness,
				env: { ...shared, ...env },
			});
		this.main = process(await freePort(), {}, 'rest');
		// the main process creates the schema: start it first, then the others together
		await this.main.start(['start']);
		this.webhook = process(webhookPort);
		for (let i = 0; i < (this.options.workers ?? 2); i++) {
			const port = await freePort();
			this.workers.push(
				process(port, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port) }),
			);
		}
		const concurrency = String(this.options.workerConcurrency ?? 10);
		await Promise.all([
			this.webhook.start(['webhook']),
			...this.workers.map((w) => w.start(['worker', `--concurrency=${concurrency}`])),
		]);
	}

	get processes(): N8nProcess[] {
		return [this.main, this.webhook, ...this.workers].filter(Boolean);
	}

	async stop(): Promise<void> {
		await Promise.all(this.processes.map((p) => p.stop()));
		await Promise.all([this.redis.stop(), this.postgres.stop()]);
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}
