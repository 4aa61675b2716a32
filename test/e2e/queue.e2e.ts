/**
 * The nodes on n8n in queue mode (see ../n8n/queue.ts): Redis, PostgreSQL, a main process, two workers and a
 * webhook processor, all with the packed package. Callbacks and trigger traffic go to the webhook processor
 * (and, where a check says so, to main as well: a load balancer in front of both).
 */
import { randomUUID } from 'node:crypto';

import { CreatifySimulator } from '../simulator/server';
import type { ExecutionRecord, N8nApi as N8nApiType } from '../n8n/api';
import { N8nApi } from '../n8n/api';
import { QueueCluster } from '../n8n/queue';
import { packPackage } from '../n8n/runtime';
import { CREATIFY_TRIGGER, rowsWorkflow, triggerWorkflow, workflowOf } from '../n8n/workflows';
import { nodeItems, postJson, until } from './helpers';

const sim = new CreatifySimulator({ imageMs: 1000, videoMs: 1500 });
const cluster = new QueueCluster({ workers: 2, workerConcurrency: 30 });
let api: N8nApiType;
let credentialId: string;
const POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };

const logTail = () =>
	cluster.processes.map((p) => `--- n8n on port ${p.options.port}\n${p.logTail(25)}`).join('\n');

/** Executions each worker started (its log says "Worker started execution <id>"). */
function startedOn(worker: number): string[] {
	return [...cluster.workers[worker].logTail(5000).matchAll(/Worker started execution (\d+)/g)].map(
		(m) => m[1],
	);
}

async function deployRows(
	name: string,
	path: string,
	creatify: Record<string, unknown>,
): Promise<string> {
	const id = await api.createWorkflow(rowsWorkflow(name, path, credentialId, creatify));
	await api.activate(id);
	await cluster.webhook.waitForWebhook(path);
	return id;
}

async function deployTrigger(name: string): Promise<{ id: string; paths: string[] }> {
	const { workflow, webhookId } = triggerWorkflow(name, credentialId);
	const id = await api.createWorkflow(workflow);
	await api.activate(id);
	const path = `${webhookId}/creatify`;
	await Promise.all([cluster.webhook.waitForWebhook(path), cluster.main.waitForWebhook(path)]);
	return {
		id,
		paths: [`${cluster.webhook.url}/webhook/${path}`, `${cluster.main.url}/webhook/${path}`],
	};
}

/**
 * A workflow's executions as stored in the database. n8n's public API is not used to count them: in queue mode its
 * list leaves out executions that main still counts as active, and main sometimes keeps counting finished ones.
 */
function stored(workflowId: string): Array<{ id: string; status: string }> {
	const rows = cluster.postgres.query(
		`SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`,
	);
	return rows
		? rows.split('\n').map((row) => ({ id: row.split('|')[0], status: row.split('|')[1] }))
		: [];
}

const ENDED = ['success', 'error', 'crashed', 'canceled'];

/** Waits until at least `count` executions of the workflow exist and all have ended; returns them with their data. */
async function ended(
	workflowId: string,
	count: number,
	timeoutMs = 120_000,
): Promise<ExecutionRecord[]> {
	await until(
		`${count} ended executions`,
		async () => {
			const rows = stored(workflowId);
			return rows.length >= count && rows.every((row) => ENDED.includes(row.status))
				? true
				: undefined;
		},
		timeoutMs,
		() =>
			`stored: ${stored(workflowId)
				.map((row) => `${row.id}:${row.status}`)
				.join(' ')}\n${logTail()}`,
	);
	return await Promise.all(stored(workflowId).map(async (row) => await api.execution(row.id)));
}

/** How many executions each task id started in a Creatify Trigger workflow. */
async function executionsPerTask(workflowId: string, count: number): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	for (const execution of await ended(workflowId, count)) {
		const [task] = nodeItems(execution, 'Creatify Trigger');
		if (task) counts.set(String(task.id), (counts.get(String(task.id)) ?? 0) + 1);
	}
	return counts;
}

async function deliver(
	url: string,
	task: unknown,
): Promise<{ status: number; duplicate: boolean }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(task),
	});
	const body = (await response.json().catch(() => ({}))) as { duplicate?: boolean };
	return { status: response.status, duplicate: body.duplicate === true };
}

beforeAll(async () => {
	await sim.start();
	await cluster.start(packPackage());
	api = new N8nApi(cluster.main);
	await api.setUpOwner();
	credentialId = await api.simulatorCredential(sim);
}, 900_000);

afterAll(async () => {
	await cluster.stop();
	await sim.stop();
});

afterEach(() => {
	const state = expect.getState();
	if (state.assertionCalls !== state.numPassingAsserts)
		process.stderr.write(`n8n log tails:\n${logTail()}\n`);
});

test('1. 50 rows in callback mode: every execution waits, resumes where its callbacks land, runs on the workers and finishes right', async () => {
	// Renders take minutes at Creatify, 15 s here: n8n refuses (409) a callback that beats the execution's save as
	// waiting, and with 50 executions starting at once on this suite's two cores that save can take seconds.
	sim.reset({ imageMs: 15_000, videoMs: 5000 });
	// callbacks reach the webhook processor and main in turn, as behind a load balancer; under this burst n8n
	// takes seconds to answer a callback (up to 31 s seen), so the simulator waits up to 60 s for an answer
	sim.webhook = { origins: [cluster.webhook.url, cluster.main.url], timeoutMs: 60_000 };
	const id = await deployRows('Rows to videos (queue, callback)', 'queue-callback', {
		operation: 'createVideo',
		productUrl: '={{ $json.url }}',
		waitMode: 'callback',
	});
	const rows = Array.from({ length: 50 }, (_, i) => ({
		url: `https://shop.example.com/queue/${i}.png`,
	}));
	const statuses = await Promise.all(
		rows.map((row) => postJson(`${cluster.webhook.url}/webhook/queue-callback`, { rows: [row] })),
	);
	expect(statuses.filter((s) => s !== 200)).toEqual([]);

	const executions = await ended(id, 50, 300_000);
	expect(executions.map((e) => e.status)).toEqual(Array(50).fill('success'));
	const outputs = executions.map((e) => nodeItems(e, 'Done'));
	expect(outputs.map((items) => items.length)).toEqual(Array(50).fill(1));
	// each execution's output is the task of its own row
	const byUrl = new Map(outputs.map(([item]) => [String(item.product_url), item]));
	for (const row of rows) {
		expect(byUrl.get(row.url)).toMatchObject({
			status: 'video_generated',
			generated_video_url: expect.stringContaining(sim.url),
		});
	}
	// every execution waited: its Creatify node asked for callbacks, and each task's callbacks came back to n8n
	expect(sim.tasks.size).toBe(50);
	const delivered = sim.webhookDeliveries;
	expect(
		new Set(delivered.filter((d) => d.status === 'video_generated').map((d) => d.taskId)).size,
	).toBe(50);
	// n8n answered every callback (409: a copy that came after the execution had resumed)
	const answerMs = delivered.map((d) => d.ms ?? 0).sort((a, b) => a - b);
	process.stderr.write(
		`queue check 1: ${delivered.length} callbacks, answered in p50 ${answerMs[Math.floor(answerMs.length / 2)]} ms, max ${answerMs.at(-1)} ms; not answered: ${delivered.filter((d) => d.error).length}\n`,
	);
	expect(delivered.filter((d) => d.responseStatus !== 200 && d.responseStatus !== 409)).toEqual([]);
	expect(new Set(delivered.map((d) => new URL(d.url).origin))).toEqual(
		new Set([cluster.webhook.url, cluster.main.url]),
	);
	// the executions ran (started, then resumed) on both workers; none ran in main or the webhook processor
	const ids = new Set(executions.map((e) => e.id));
	const [first, second] = [
		startedOn(0).filter((x) => ids.has(x)),
		startedOn(1).filter((x) => ids.has(x)),
	];
	process.stderr.write(
		`queue check 1: worker runs ${first.length} + ${second.length} (starts and resumes of 50 executions)\n`,
	);
	expect(first.length + second.length).toBeGreaterThanOrEqual(100);
	expect(first.length).toBeGreaterThan(0);
	expect(second.length).toBeGreaterThan(0);
}, 600_000);

test('2. Creatify Trigger across processes: a later duplicate on another process starts nothing; simultaneous copies on two processes are measured', async () => {
	sim.reset();
	const { id, paths } = await deployTrigger('Videos ready (queue)');
	const [webhookProcessor, main] = paths;

	// a burst of 30 distinct callbacks to the webhook processor, then each one again on main and on the webhook processor
	const tasks = Array.from({ length: 30 }, () =>
		sim.seedTask({
			status: 'video_generated',
			generated_video_url: `${sim.url}/media/x/video.mp4`,
		}),
	);
	const firsts = await Promise.all(tasks.map((task) => deliver(webhookProcessor, task)));
	expect(firsts.filter((a) => a.status === 200 && !a.duplicate)).toHaveLength(30);
	await ended(id, 30);
	const repeats = [];
	for (const task of tasks)
		repeats.push(await deliver(main, task), await deliver(webhookProcessor, task));
	expect(repeats.filter((a) => !a.duplicate)).toHaveLength(0);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	const afterRepeats = await executionsPerTask(id, 30);
	expect([...afterRepeats.values()].every((n) => n === 1)).toBe(true);
	expect(afterRepeats.size).toBe(30);

	// distinct callbacks spread over both processes at once, then each repeated on the other process: requests in
	// flight on two processes save static data over each other; measure what a repeat still gets through
	const spread = Array.from({ length: 30 }, () =>
		sim.seedTask({
			status: 'video_generated',
			generated_video_url: `${sim.url}/media/z/video.mp4`,
		}),
	);
	const spreadFirsts = await Promise.all(spread.map((task, i) => deliver(paths[i % 2], task)));
	expect(spreadFirsts.every((a) => a.status === 200 && !a.duplicate)).toBe(true);
	await ended(id, 60);
	const crossRepeats = [];
	for (const [i, task] of spread.entries())
		crossRepeats.push(await deliver(paths[(i + 1) % 2], task));
	const leaked = crossRepeats.filter((a) => !a.duplicate).length;
	process.stderr.write(
		`queue check 2: after a burst spread over two processes, ${leaked}/30 repeats on the other process started an execution\n`,
	);
	await ended(id, 60 + leaked);

	// simultaneous copies, one to each process: measure what n8n lets through
	const racing = Array.from({ length: 30 }, () =>
		sim.seedTask({
			status: 'video_generated',
			generated_video_url: `${sim.url}/media/y/video.mp4`,
		}),
	);
	const answers = await Promise.all(
		racing.map((task) => Promise.all(paths.map((url) => deliver(url, task)))),
	);
	expect(answers.flat().every((a) => a.status === 200)).toBe(true);
	const accepted = answers.map((pair) => pair.filter((a) => !a.duplicate).length);
	const counts = await executionsPerTask(id, 60 + leaked + accepted.reduce((a, b) => a + b, 0));
	const raced = racing.map((task) => counts.get(task.id) ?? 0);
	process.stderr.write(
		`queue check 2: simultaneous copies on two processes: ${raced.filter((n) => n === 1).length}/30 tasks started one execution, ${raced.filter((n) => n > 1).length} started two\n`,
	);
	// nothing is lost, and no process lets a task through twice: at most one execution per process
	expect(raced.every((n) => n >= 1 && n <= 2)).toBe(true);
	expect(raced).toEqual(accepted);
}, 600_000);

test('2b. the remedy the README gives: an atomic claim in PostgreSQL after the trigger lets one execution per task through, also for simultaneous copies on two processes', async () => {
	sim.reset();
	cluster.postgres.query(
		'CREATE TABLE creatify_events (task_id text, event text, PRIMARY KEY (task_id, event))',
	);
	const database = await api.createCredential('Events database', 'postgres', {
		host: '127.0.0.1',
		port: cluster.postgres.port,
		database: cluster.postgres.database,
		user: cluster.postgres.user,
		password: '',
		ssl: 'disable',
		allowUnauthorizedCerts: false,
		maxConnections: 20,
		sshTunnel: false,
	});
	const webhookId = randomUUID();
	const id = await api.createWorkflow(
		workflowOf('Videos ready, claimed once (queue)', [
			[
				'Creatify Trigger',
				CREATIFY_TRIGGER,
				{},
				{
					webhookId,
					credentials: { creatifyApi: { id: credentialId, name: 'Creatify (simulator)' } },
				},
			],
			[
				'Claim',
				'n8n-nodes-base.postgres',
				{
					operation: 'executeQuery',
					query: CLAIM_SQL,
					options: { queryReplacement: '={{ $json.id }},{{ $json.event }}' },
				},
				{ credentials: { postgres: { id: database, name: 'Events database' } } },
				2.6,
			],
			[
				'Claimed',
				'n8n-nodes-base.filter',
				filterParameters('={{ $json.task_id }}', {
					type: 'string',
					operation: 'exists',
					singleValue: true,
				}),
				{},
				2,
			],
			['Handle Video', 'n8n-nodes-base.noOp', {}],
		]),
	);
	await api.activate(id);
	const path = `${webhookId}/creatify`;
	await Promise.all([cluster.webhook.waitForWebhook(path), cluster.main.waitForWebhook(path)]);
	const racing = Array.from({ length: 20 }, () =>
		sim.seedTask({
			status: 'video_generated',
			generated_video_url: `${sim.url}/media/c/video.mp4`,
		}),
	);
	const urls = [cluster.webhook.url, cluster.main.url].map((origin) => `${origin}/webhook/${path}`);
	const answers = await Promise.all(
		racing.map((task) => Promise.all(urls.map((url) => deliver(url, task)))),
	);
	const started = answers.flat().filter((a) => !a.duplicate).length;
	const handled = new Map<string, number>();
	for (const execution of await ended(id, started)) {
		expect(execution.status).toBe('success');
		for (const item of nodeItems(execution, 'Handle Video'))
			handled.set(String(item.task_id), (handled.get(String(item.task_id)) ?? 0) + 1);
	}
	process.stderr.write(
		`queue check 2b: ${started} executions started for 20 tasks; ${[...handled.values()].reduce((a, b) => a + b, 0)} got past the claim\n`,
	);
	expect(racing.map((task) => handled.get(task.id))).toEqual(Array(20).fill(1));
}, 600_000);

test('3. a worker killed mid-batch (poll mode): the execution is not re-run, no task is paid twice, Get Many finds every task and Generate Video finishes the rest', async () => {
	sim.reset({ imageMs: 1500, videoMs: 20_000 });
	const id = await deployRows('Rows to videos (queue, poll)', 'queue-poll', {
		operation: 'createVideo',
		productUrl: '={{ $json.url }}',
		options: { ...POLL, concurrency: 2 },
	});
	const rows = Array.from({ length: 10 }, (_, i) => ({
		url: `https://shop.example.com/killed/${i}.png`,
	}));
	expect(await postJson(`${cluster.webhook.url}/webhook/queue-poll`, { rows })).toBe(200);
	const executionId = await until(
		'the execution to start on a worker',
		async () => stored(id)[0]?.id,
		60_000,
		logTail,
	);
	// kill the worker running it once some renders are under way and others are not yet submitted
	await until(
		'a video render under way',
		async () =>
			[...sim.tasks.values()].some((t) => t.status === 'video_generating') ? true : undefined,
		60_000,
		logTail,
	);
	const victim = cluster.workers.findIndex((_, i) => startedOn(i).includes(executionId));
	expect(victim).toBeGreaterThanOrEqual(0);
	await cluster.workers[victim].kill();
	const createdAtKill = sim.tasks.size;

	// what n8n makes of the execution (recorded in the README), and that nothing submits the rows again
	const [marked] = await ended(id, 1, 180_000);
	process.stderr.write(
		`queue check 3: killed with ${createdAtKill}/10 tasks created; execution ${executionId} is "${marked.status}": ${marked.data?.resultData?.error?.message ?? 'no error recorded'}\n`,
	);
	expect(marked.status).toBe('error');
	await new Promise((resolve) => setTimeout(resolve, 5000));
	expect(sim.tasks.size).toBe(createdAtKill);
	expect(stored(id)).toHaveLength(1);

	// recovery on the surviving worker: Get Many lists every paid task; those stopped after the image get their video
	const recoverId = await api.createWorkflow(recoveryWorkflow(credentialId));
	await api.activate(recoverId);
	await cluster.webhook.waitForWebhook('queue-recover');
	expect(await postJson(`${cluster.webhook.url}/webhook/queue-recover`, {})).toBe(200);
	const [recovery] = await ended(recoverId, 1);
	expect(recovery.status).toBe('success');
	const listed = nodeItems(recovery, 'All Tasks');
	expect(listed.map((t) => t.id).sort()).toEqual([...sim.tasks.keys()].sort());
	await until(
		'every task rendered',
		async () =>
			[...sim.tasks.values()].every((t) => t.status === 'video_generated') ? true : undefined,
		120_000,
		logTail,
	);
	expect(sim.tasks.size).toBe(createdAtKill);
	expect(sim.paidAttempts('gen_video')).toHaveLength(createdAtKill);
}, 600_000);

const CLAIM_SQL =
	'INSERT INTO creatify_events (task_id, event) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING task_id';

/** n8n's Filter node (version 2) with one condition. */
function filterParameters(leftValue: string, operator: Record<string, unknown>, rightValue = '') {
	return {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
			conditions: [{ id: randomUUID(), leftValue, rightValue, operator }],
			combinator: 'and',
		},
		options: {},
	};
}

/** Webhook → Get Many (all tasks) → Filter (image done, no video asked) → Generate Video (poll) → Done. */
function recoveryWorkflow(credential: string) {
	const credentials = { creatifyApi: { id: credential, name: 'Creatify (simulator)' } };
	return workflowOf('Recover unfinished tasks', [
		[
			'Recover',
			'n8n-nodes-base.webhook',
			{ httpMethod: 'POST', path: 'queue-recover', responseMode: 'onReceived', options: {} },
			{ webhookId: randomUUID() },
			2,
		],
		[
			'All Tasks',
			'n8n-nodes-creatify.creatify',
			{ operation: 'getMany', returnAll: true },
			{ credentials },
		],
		[
			'Stopped After Image',
			'n8n-nodes-base.filter',
			filterParameters(
				'={{ $json.status }}',
				{ type: 'string', operation: 'equals' },
				'image_generated',
			),
			{},
			2,
		],
		[
			'Generate Video',
			'n8n-nodes-creatify.creatify',
			{
				operation: 'generateVideo',
				taskId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				options: POLL,
			},
			{ credentials },
		],
	]);
}
