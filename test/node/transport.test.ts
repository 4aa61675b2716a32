/**
 * The transport's promises, proven over HTTP against the simulator through the node: error mapping for every
 * class of failure, retries of free requests, and no duplicate paid request under any injected fault.
 */
import { createServer } from 'node:net';

import { rl, useSimulator } from '../harness/fixture';
import { CreatifySimulator } from '../simulator/server';
import { failureOf, runCreatify } from '../harness/n8n';

const { sim, credentials } = useSimulator();

const IMAGE = 'https://shop.example.com/images/bottle.png';
const generateImage = { operation: 'generateImage', productUrl: IMAGE };
const getTask = (id: string) => ({ operation: 'get', taskId: rl(id) });
const TASKS_LIST = '/api/product_to_videos/';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

function errorText(error: unknown): string {
	return JSON.stringify(error, Object.getOwnPropertyNames(error ?? {}));
}

describe('error mapping', () => {
	test('400 with field errors names the fields', async () => {
		sim.inject({
			path: '/api/product_to_videos/gen_image/',
			status: 400,
			body: { product_url: ['Unsupported image format.'] },
		});
		const { error } = await runCreatify({ parameters: generateImage, credentials: credentials() });
		expect(error?.message).toBe(
			'Creatify refused the request (HTTP 400): product_url: Unsupported image format.',
		);
		expect((error as { httpCode?: string }).httpCode).toBe('400');
	});

	test('400 as a bare array of strings', async () => {
		sim.inject({ path: TASKS_LIST, status: 400, body: ['Too many ids.', 'Max 100.'] });
		const { error } = await runCreatify({
			parameters: { operation: 'getMany' },
			credentials: credentials(),
		});
		expect(error?.message).toBe('Creatify refused the request (HTTP 400): Too many ids.; Max 100.');
	});

	test('400 with {"detail"}', async () => {
		sim.inject({ path: TASKS_LIST, status: 400, body: { detail: 'Bad filter.' } });
		const { error } = await runCreatify({
			parameters: { operation: 'getMany' },
			credentials: credentials(),
		});
		expect(error?.message).toBe('Creatify refused the request (HTTP 400): Bad filter.');
	});

	test('a wrong key says to check the credential, and never shows the key', async () => {
		const { error, items } = await runCreatify({
			parameters: generateImage,
			credentials: credentials({ apiKey: 'wrong-secret-123456' }),
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toBe('Creatify rejected the credentials (HTTP 401)');
		expect(error?.description).toContain('Invalid API ID or API key.');
		expect(error?.description).toContain('API Dashboard');
		expect(errorText(error)).not.toContain('wrong-secret-123456');
		// the credit check (a free call) failed first, so no paid request was even tried
		expect(sim.paidAttempts()).toHaveLength(0);
	});

	test('403 is a credential problem too', async () => {
		sim.inject({
			path: TASKS_LIST,
			status: 403,
			body: { detail: 'Your plan does not include API access.' },
		});
		const { error } = await runCreatify({
			parameters: { operation: 'getMany' },
			credentials: credentials(),
		});
		expect(error?.message).toBe('Creatify rejected the credentials (HTTP 403)');
		expect(error?.description).toContain('Your plan does not include API access.');
	});

	test('insufficient credits, with nothing spent', async () => {
		sim.reset({ credits: 0 });
		const { error } = await runCreatify({
			parameters: { ...generateImage, options: { checkCredits: false } },
			credentials: credentials(),
		});
		expect(error?.message).toBe('Not enough Creatify credits');
		expect(error?.description).toMatch(/Creatify says: Insufficient credits.*Top up credits/);
		expect(sim.tasks.size).toBe(0);
	});

	test('404 on a task names the task', async () => {
		const id = '11111111-2222-4333-8444-555555555555';
		const { error } = await runCreatify({ parameters: getTask(id), credentials: credentials() });
		expect(error?.message).toBe(`Task ${id} not found`);
		expect((error as { context?: Record<string, unknown> }).context?.jobId).toBe(id);
	});

	test('404 on a route points at the base URL', async () => {
		const { error } = await runCreatify({
			parameters: { operation: 'getMany' },
			credentials: credentials({ baseUrl: `${sim.url}/wrong-prefix/` }),
		});
		expect(error?.message).toBe('Not found: GET /api/product_to_videos/');
		expect(error?.description).toContain('Base URL');
	});

	test('a 200 with a body the node cannot use is an error, not a crash', async () => {
		sim.inject({ path: TASKS_LIST, status: 200, rawBody: '{"oops": ' });
		const { error } = await runCreatify({
			parameters: { operation: 'getMany' },
			credentials: credentials(),
		});
		expect(error?.message).toBe('Creatify sent a response the node cannot use');
		expect(error?.description).toContain('the response is not JSON');
	});

	test('a created task without an id is reported with the advice to look before retrying', async () => {
		sim.inject({
			path: '/api/product_to_videos/gen_image/',
			status: 200,
			body: { status: 'initializing' },
			processFirst: true,
		});
		const { error } = await runCreatify({ parameters: generateImage, credentials: credentials() });
		expect(error?.description).toMatch(/id: Required.*Get Many/);
	});

	test('the base URL may end with a slash', async () => {
		const { items, error } = await runCreatify({
			parameters: { resource: 'account', operation: 'getCredits' },
			credentials: credentials({ baseUrl: `${sim.url}//` }),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ remaining_credits: 1000 });
		expect(sim.requests[0].path).toBe('/api/remaining_credits/');
	});
});

describe('free requests are retried', () => {
	test('429 with Retry-After, then success', async () => {
		const task = sim.seedTask();
		sim.inject({
			path: `/api/product_to_videos/${task.id}/`,
			status: 429,
			body: { detail: 'Throttled.' },
			headers: { 'retry-after': '0' },
			times: 2,
		});
		const { items, error } = await runCreatify({
			parameters: getTask(task.id),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(task.id);
		expect(sim.requests).toHaveLength(3);
	});

	test('5xx and a dropped connection, then success', async () => {
		sim.inject({
			path: TASKS_LIST,
			status: 503,
			rawBody: '<html>Service Unavailable</html>',
			headers: { 'retry-after': '0' },
		});
		sim.inject({ path: TASKS_LIST, drop: 'before' });
		sim.seedTask();
		const { items, error } = await runCreatify({
			parameters: { operation: 'getMany' },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sim.requests).toHaveLength(3);
	});

	test('gives up after 5 attempts with the last status', async () => {
		sim.inject({
			path: TASKS_LIST,
			status: 502,
			body: { detail: 'Bad gateway' },
			headers: { 'retry-after': '0' },
			times: 10,
		});
		const { error } = await runCreatify({
			parameters: { operation: 'getMany' },
			credentials: credentials(),
		});
		expect(error?.message).toBe('Creatify server error (HTTP 502)');
		expect(error?.description).toContain('Tried 5 times');
		expect(sim.requests).toHaveLength(5);
	});

	test('429 without Retry-After waits with backoff (about a second)', async () => {
		sim.inject({ path: TASKS_LIST, status: 429, body: {} });
		const started = Date.now();
		const { error } = await runCreatify({
			parameters: { operation: 'getMany' },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	test('a server that cannot be reached is named in the error', async () => {
		const { error } = await runCreatify({
			parameters: { resource: 'account', operation: 'getCredits' },
			credentials: credentials({ baseUrl: 'http://127.0.0.1:9' }),
		});
		expect(error?.message).toBe('Could not complete the request to Creatify: connection refused');
		expect(error?.description).toContain('http://127.0.0.1:9');
		expect(error?.description).toContain('ECONNREFUSED');
	}, 60_000);
});

describe('a paid request is never sent twice unless Creatify certainly did not get it', () => {
	test('429 (not processed) is retried and creates exactly one task', async () => {
		sim.inject({
			path: '/api/product_to_videos/gen_image/',
			status: 429,
			body: { detail: 'Throttled.' },
			headers: { 'retry-after': '0' },
		});
		const { items, error } = await runCreatify({
			parameters: generateImage,
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(sim.paidAttempts()).toHaveLength(2);
		expect(sim.tasks.size).toBe(1);
		expect(items[0].json.id).toBe([...sim.tasks.keys()][0]);
	});

	test('500 is NOT retried; the error says to look for the task before running again', async () => {
		sim.inject({
			path: '/api/product_to_videos/gen_image/',
			status: 500,
			body: { detail: 'Internal error' },
			processFirst: true,
		});
		const { error } = await runCreatify({ parameters: generateImage, credentials: credentials() });
		expect(sim.paidAttempts()).toHaveLength(1);
		expect(sim.tasks.size).toBe(1);
		expect(error?.message).toBe('Creatify server error (HTTP 500)');
		expect(error?.description).toMatch(/may have been processed.*Get Many/);
	});

	test('a connection dropped after Creatify acted is NOT retried', async () => {
		const task = sim.seedTask();
		sim.inject({ path: `/api/product_to_videos/${task.id}/gen_video/`, drop: 'after' });
		const { error } = await runCreatify({
			parameters: { operation: 'generateVideo', taskId: rl(task.id) },
			credentials: credentials(),
		});
		expect(sim.paidAttempts('gen_video')).toHaveLength(1);
		expect(sim.credits).toBe(997);
		expect(error?.message).toBe(
			`Could not complete the request to Creatify for task ${task.id}: connection closed before an answer`,
		);
		expect(error?.description).toMatch(/may have reached Creatify.*Get Many/);
	});

	test('a connection dropped before Creatify acted is NOT retried either (the client cannot tell)', async () => {
		sim.inject({ path: '/api/product_to_videos/gen_image/', drop: 'before' });
		const { error } = await runCreatify({ parameters: generateImage, credentials: credentials() });
		expect(sim.paidAttempts()).toHaveLength(1);
		expect(error?.description).toContain('ECONNRESET');
		expect(error?.description).toContain('may have reached Creatify');
	});

	test('a refused connection (nothing sent) is retried, and creates exactly one task', async () => {
		// a Creatify that is down for the first attempts, then comes up on the same port
		const port = await freePort();
		const late = new CreatifySimulator({ port });
		const started = delay(1500).then(() => late.start());
		try {
			const { items, error } = await runCreatify({
				parameters: generateImage,
				credentials: credentials({ baseUrl: `http://127.0.0.1:${port}` }),
			});
			await started;
			expect(error).toBeUndefined();
			expect(late.paidAttempts()).toHaveLength(1);
			expect(late.tasks.size).toBe(1);
			expect(items[0].json.id).toBe([...late.tasks.keys()][0]);
		} finally {
			await started;
			await late.stop();
		}
	});

	test('many items with faults on some: one paid attempt per item except for 429s', async () => {
		sim.inject({
			path: '/api/product_to_videos/gen_image/',
			status: 429,
			body: {},
			headers: { 'retry-after': '0' },
			times: 3,
		});
		sim.inject({
			path: '/api/product_to_videos/gen_image/',
			status: 502,
			body: {},
			processFirst: true,
		});
		const { items } = await runCreatify({
			parameters: { operation: 'generateImage', productUrl: '={{ $json.url }}' },
			items: Array.from({ length: 6 }, () => ({ url: IMAGE })),
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(sim.paidAttempts()).toHaveLength(6 + 3);
		expect(sim.tasks.size).toBe(6);
		expect(items.filter((i) => failureOf(i)?.message)).toHaveLength(1);
		expect(items.filter((i) => i.json.id)).toHaveLength(5);
	});
});

test('cancelling the execution stops a retry wait at once', async () => {
	sim.inject({
		path: TASKS_LIST,
		status: 503,
		body: {},
		headers: { 'retry-after': '20' },
		times: 5,
	});
	const started = Date.now();
	const { error } = await runCreatify({
		parameters: { operation: 'getMany' },
		credentials: credentials(),
		onStarted: (cancel) => setTimeout(cancel, 300),
	});
	expect(Date.now() - started).toBeLessThan(5000);
	expect(sim.requests).toHaveLength(1);
	expect(error).toBeDefined();
});
