/**
 * Benchmark of the Creatify Trigger under callback load, in a real n8n with the packed package:
 *   npm run bench:trigger            (BENCH_TASKS=600 by default: 2 callbacks per task)
 * The same traffic goes to (a) Creatify Trigger with verification against the simulator, (b) Creatify Trigger
 * without it, (c) n8n's built-in Webhook node, and (d) what a user builds without this trigger: Webhook → HTTP
 * Request (fetch the task from Creatify) → Remove Duplicates ("Remove Items Processed in Previous Executions", key
 * task ID + status); each followed by an HTTP Request node that reports the task to a sink in this process
 * (counting executions per task). Every task is delivered twice, the repeat
 * BENCH_REPEAT_GAP deliveries later (as Creatify retries do). First on one n8n process (SQLite), then in queue
 * mode (PostgreSQL, Redis, main, 2 workers, a webhook processor; deliveries alternate between the webhook
 * processor and main), then queue mode again with n8n creating expression isolates only when an expression is
 * evaluated (N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE; BENCH_SETUPS=queue-pool measures a bigger isolate pool instead).
 * Prints callbacks answered per second, ours / built-in, p50/p99 answer latency, executions started, duplicate
 * executions and lost tasks. Loopback only; bounded in count and time.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8nApi } from '../test/n8n/api';
import { QueueCluster } from '../test/n8n/queue';
import { freePort, installPackage, N8nProcess, packPackage } from '../test/n8n/runtime';
import { CREATIFY_TRIGGER, CREATIFY_TRIGGER_VERSION, workflowOf } from '../test/n8n/workflows';
import type { NodeSpec } from '../test/n8n/workflows';
import { CreatifySimulator } from '../test/simulator/server';

const TASKS = Number(process.env.BENCH_TASKS ?? 600);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 16);
const REPEAT_GAP = Number(process.env.BENCH_REPEAT_GAP ?? 50);
/** per variant: stop sending after this long, and stop waiting for executions after this long again */
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 60);
/** which n8n set-ups to measure, in this order: single, queue, queue-lazy, queue-pool */
const SETUPS = (process.env.BENCH_SETUPS ?? 'single,queue,queue-lazy').split(',');

interface Variant {
	label: string;
	/** the first node of the workflow, and the URL path its webhook answers on */
	start: (credentialId: string) => { spec: NodeSpec; path: string };
	/** nodes between the first node and the report */
	middle?: (sim: CreatifySimulator) => NodeSpec[];
	/** whether the node should start one execution per task (ours) or one per callback (built-in) */
	deduplicates: boolean;
}

/** n8n's Webhook node at a path of its own. */
function builtInWebhook() {
	const path = `bench-${randomUUID()}`;
	const spec: NodeSpec = [
		'Callback',
		'n8n-nodes-base.webhook',
		{ httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		{ webhookId: randomUUID() },
		2,
	];
	return { spec, path };
}

const VARIANTS: Variant[] = [
	...[true, false].map((verify) => ({
		label: `Creatify Trigger, verify ${verify ? 'on' : 'off'}`,
		deduplicates: true,
		start: (credentialId: string) => {
			const webhookId = randomUUID();
			const credentials = { creatifyApi: { id: credentialId, name: 'Creatify (simulator)' } };
			return {
				spec: [
					'Callback',
					CREATIFY_TRIGGER,
					{ verifyWithApi: verify },
					{ webhookId, credentials },
					CREATIFY_TRIGGER_VERSION,
				] as NodeSpec,
				path: `${webhookId}/creatify`,
			};
		},
	})),
	{
		label: 'n8n Webhook node (built-in)',
		deduplicates: false,
		start: builtInWebhook,
	},
	{
		label: 'Webhook → HTTP Request → Remove Duplicates',
		deduplicates: true,
		start: builtInWebhook,
		middle: (sim) => [
			[
				'Fetch Task',
				'n8n-nodes-base.httpRequest',
				{
					url: `={{ '${sim.url}/api/product_to_videos/' + $json.body.id + '/' }}`,
					sendHeaders: true,
					headerParameters: {
						parameters: [
							{ name: 'X-API-ID', value: sim.apiId },
							{ name: 'X-API-KEY', value: sim.apiKey },
						],
					},
					options: {},
				},
				{},
				4.2,
			],
			[
				'Remove Duplicates',
				'n8n-nodes-base.removeDuplicates',
				{
					operation: 'removeItemsSeenInPreviousExecutions',
					logic: 'removeItemsWithAlreadySeenKeyValues',
					dedupeValue: '={{ $json.id + ":" + $json.status }}',
					options: {},
				},
				{},
				2,
			],
		],
	},
];

/** Counts, per task, the executions that reached the report step. */
class Sink {
	readonly perTask = new Map<string, number>();
	private server?: Server;
	url = '';

	async start() {
		const port = await freePort();
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const { task } = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { task?: string };
				if (task) this.perTask.set(task, (this.perTask.get(task) ?? 0) + 1);
				res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${port}/report`;
	}

	get executions(): number {
		return [...this.perTask.values()].reduce((a, b) => a + b, 0);
	}

	reset() {
		this.perTask.clear();
	}

	async stop() {
		await new Promise((resolve) => this.server?.close(resolve));
	}
}

interface Result {
	mode: string;
	label: string;
	callbacks: number;
	seconds: number;
	p50: number;
	p99: number;
	failedAnswers: number;
	executions: number;
	/** executions n8n recorded as failed */
	failedExecutions: number;
	duplicates: number;
	lost: number;
	drainSeconds: number;
	/** median answer time of callbacks sent one at a time to an idle n8n, before the load */
	idleP50?: number;
}

/** How many callbacks are sent one at a time first: the cost of one request without queueing. */
const IDLE_SAMPLES = Number(process.env.BENCH_IDLE_SAMPLES ?? 30);

/** Median answer time of IDLE_SAMPLES callbacks for fresh tasks, each sent after the previous one answered. */
async function idleAnswerMs(url: string, sim: CreatifySimulator): Promise<number> {
	const times: number[] = [];
	for (let k = 0; k < IDLE_SAMPLES; k++) {
		const task = sim.seedTask({ status: 'video_generated' });
		const sentAt = performance.now();
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(task),
		});
		await response.arrayBuffer();
		times.push(performance.now() - sentAt);
	}
	return percentile(
		times.sort((a, b) => a - b),
		50,
	);
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Each task twice, the copy REPEAT_GAP positions later, so repeats arrive while others are still handled. */
function deliveryOrder(ids: string[]): string[] {
	const order: string[] = [];
	for (let i = 0; i < ids.length + REPEAT_GAP; i++) {
		if (i < ids.length) order.push(ids[i]);
		if (i >= REPEAT_GAP) order.push(ids[i - REPEAT_GAP]);
	}
	return order;
}

async function run(
	mode: string,
	label: string,
	urls: string[],
	tasks: Map<string, unknown>,
	sink: Sink,
	deduplicates: boolean,
	failedExecutions: () => Promise<number>,
): Promise<Result> {
	sink.reset();
	const order = deliveryOrder([...tasks.keys()]);
	const latencies: number[] = [];
	let failedAnswers = 0;
	let next = 0;
	const started = Date.now();
	const deadline = started + MAX_SECONDS * 1000;
	const answered = new Set<string>();
	await Promise.all(
		Array.from({ length: IN_FLIGHT }, async () => {
			while (next < order.length && Date.now() < deadline) {
				const index = next++;
				const id = order[index];
				const sentAt = performance.now();
				try {
					const response = await fetch(urls[index % urls.length], {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(tasks.get(id)),
					});
					await response.arrayBuffer();
					if (response.ok) answered.add(id);
					else failedAnswers++;
				} catch {
					failedAnswers++;
				}
				latencies.push(performance.now() - sentAt);
			}
		}),
	);
	const seconds = (Date.now() - started) / 1000;
	// let the executions finish: until the expected count is reached or nothing moves for 10 s
	const expected = deduplicates ? answered.size : latencies.length - failedAnswers;
	let last = -1;
	let stillSince = Date.now();
	while (
		sink.executions < expected &&
		Date.now() - stillSince < 10_000 &&
		Date.now() < deadline + MAX_SECONDS * 1000
	) {
		if (sink.executions !== last) [last, stillSince] = [sink.executions, Date.now()];
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const drainSeconds = (Date.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	const executions = sink.executions;
	return {
		mode,
		label,
		callbacks: latencies.length,
		seconds,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		failedAnswers,
		executions,
		failedExecutions: await failedExecutions(),
		duplicates: [...sink.perTask.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0),
		lost: [...answered].filter((id) => !sink.perTask.has(id)).length,
		drainSeconds,
	};
}

/** Deploys one workflow per variant on `api`; returns their ids and webhook paths in VARIANTS order. */
async function deploy(
	api: N8nApi,
	credentialId: string,
	sinkUrl: string,
	sim: CreatifySimulator,
): Promise<{ paths: string[]; workflowIds: string[] }> {
	const paths: string[] = [];
	const workflowIds: string[] = [];
	for (const variant of VARIANTS) {
		const { spec, path } = variant.start(credentialId);
		const report: NodeSpec = [
			'Report',
			'n8n-nodes-base.httpRequest',
			{
				method: 'POST',
				url: sinkUrl,
				sendBody: true,
				specifyBody: 'json',
				jsonBody:
					'={{ JSON.stringify({ task: $json.id ?? $json.body.id, execution: $execution.id }) }}',
				options: {},
			},
			{},
			4.2,
		];
		const nodes = [spec, ...(variant.middle?.(sim) ?? []), report];
		const id = await api.createWorkflow(workflowOf(`Bench: ${variant.label}`, nodes));
		await api.activate(id);
		paths.push(path);
		workflowIds.push(id);
	}
	return { paths, workflowIds };
}

async function measure(
	mode: string,
	api: N8nApi,
	entries: N8nProcess[],
	sim: CreatifySimulator,
	sink: Sink,
): Promise<Result[]> {
	const credentialId = await api.simulatorCredential(sim);
	const { paths, workflowIds } = await deploy(api, credentialId, sink.url, sim);
	for (const path of paths) for (const n8n of entries) await n8n.waitForWebhook(path, 60_000);
	const results: Result[] = [];
	for (const [i, variant] of VARIANTS.entries()) {
		// fresh tasks per variant, so that one variant's records cannot mark another's callbacks as repeats
		const tasks = new Map<string, unknown>();
		for (let t = 0; t < TASKS; t++) {
			const task = sim.seedTask({
				status: 'video_generated',
				generated_video_url: `${sim.url}/media/bench/${t}.mp4`,
			});
			tasks.set(task.id, task);
		}
		const urls = entries.map((n8n) => `${n8n.url}/webhook/${paths[i]}`);
		const failed = async () =>
			(
				await api.json<{ data: unknown[] }>(
					`/api/v1/executions?workflowId=${workflowIds[i]}&status=error&limit=250`,
				)
			).data.length;
		const idleP50 = await idleAnswerMs(urls[0], sim);
		await new Promise((resolve) => setTimeout(resolve, 3000)); // let those executions finish
		const result = {
			...(await run(mode, variant.label, urls, tasks, sink, variant.deduplicates, failed)),
			idleP50,
		};
		process.stderr.write(`${mode} · ${variant.label}: ${JSON.stringify(result)}\n`);
		results.push(result);
	}
	return results;
}

function table(results: Result[]): string {
	const builtIn = (mode: string) =>
		results.find((r) => r.mode === mode && r.label.includes('(built-in)'))!;
	const rows = results.map((r) => {
		const rate = r.callbacks / r.seconds;
		const ratio = rate / (builtIn(r.mode).callbacks / builtIn(r.mode).seconds);
		return `| ${r.mode} | ${r.label} | ${r.idleP50?.toFixed(0) ?? ''} | ${r.callbacks} | ${rate.toFixed(1)} | ${ratio.toFixed(2)} | ${r.p50.toFixed(0)} / ${r.p99.toFixed(0)} | ${r.executions} | ${r.failedExecutions} | ${r.duplicates} | ${r.lost} | ${r.failedAnswers} | ${(r.executions / r.drainSeconds).toFixed(1)} |`;
	});
	return [
		'| n8n | first node | one at a time, p50 ms | callbacks | callbacks/s | ours / built-in | p50 / p99 ms | executions reported | failed executions | duplicate executions | lost tasks | non-2xx answers | executions/s (to last) |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|',
		...rows,
	].join('\n');
}

/**
 * n8n runs a community trigger's webhook (and every waiting-execution callback) inside its expression isolate,
 * and a process has one isolate unless N8N_EXPRESSION_ENGINE_POOL_SIZE says more: the last run shows whether a
 * bigger pool changes anything.
 */
const POOL = { N8N_EXPRESSION_ENGINE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '4' };

/**
 * With lazy acquisition n8n creates an expression isolate only when an expression is evaluated, so a webhook or a
 * credential read without expressions costs none.
 */
const LAZY = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };

async function main() {
	const sim = new CreatifySimulator({ credits: 1_000_000 });
	const sink = new Sink();
	await Promise.all([sim.start(), sink.start()]);
	const tarball = packPackage();
	const results: Result[] = [];
	const folder = mkdtempSync(join(tmpdir(), 'creatify-bench-n8n-'));
	const single = new N8nProcess({
		userFolder: folder,
		port: await freePort(),
		encryptionKey: 'creatify-bench-key',
		quiet: true,
	});
	const clusters = [
		{
			setup: 'queue',
			mode: 'queue mode',
			cluster: new QueueCluster({ workers: 2, workerConcurrency: 20 }),
		},
		{
			setup: 'queue-lazy',
			mode: 'queue mode, lazy isolates',
			cluster: new QueueCluster({ workers: 2, workerConcurrency: 20, env: LAZY }),
		},
		{
			setup: 'queue-pool',
			mode: `queue mode, pool ${POOL.N8N_EXPRESSION_ENGINE_POOL_SIZE}`,
			cluster: new QueueCluster({ workers: 2, workerConcurrency: 20, env: POOL }),
		},
	];
	try {
		if (SETUPS.includes('single')) {
			installPackage(folder, tarball);
			await single.start();
			const singleApi = new N8nApi(single);
			await singleApi.setUpOwner();
			results.push(...(await measure('single process', singleApi, [single], sim, sink)));
			await single.stop();
		}
		for (const { mode, cluster } of clusters.filter((c) => SETUPS.includes(c.setup))) {
			await cluster.start(tarball);
			const clusterApi = new N8nApi(cluster.main);
			await clusterApi.setUpOwner();
			results.push(
				...(await measure(mode, clusterApi, [cluster.webhook, cluster.main], sim, sink)),
			);
			await cluster.stop();
		}
	} finally {
		await single.stop();
		for (const { cluster } of clusters) await cluster.stop();
		await Promise.all([sim.stop(), sink.stop()]);
		rmSync(folder, { recursive: true, force: true });
	}
	process.stdout.write(
		`\n${TASKS} tasks × 2 callbacks per variant (repeat ${REPEAT_GAP} deliveries later), ${IN_FLIGHT} in flight, node ${process.version} driving n8n\n\n${table(results)}\n`,
	);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack}\n`);
	process.exitCode = 1;
});
