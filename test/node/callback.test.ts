/**
 * Wait mode "callback": the execution is suspended, the simulator's webhook callbacks reach the node through a
 * stand-in for n8n's waiting-webhook endpoint, and the execution resumes in n8n-core's engine.
 */
import type { INodeParameters } from 'n8n-workflow';

import { rl, useSimulator } from '../harness/fixture';
import type { RunResult } from '../harness/n8n';
import { failureOf, runCreatify } from '../harness/n8n';
import { WaitingWebhooks } from '../harness/waiting';

const { sim, credentials } = useSimulator({ imageMs: 80, videoMs: 120 });
const IMAGE = 'https://shop.example.com/images/bottle.png';
const waitingWebhooks = new WaitingWebhooks();
beforeAll(async () => {
	await waitingWebhooks.start();
});
afterAll(async () => {
	await waitingWebhooks.stop();
});

async function runWaiting(
	parameters: INodeParameters,
	items: object[] = [{ url: IMAGE }],
	continueOnFail = false,
) {
	const started = await runCreatify({
		parameters: { waitMode: 'callback', ...parameters },
		items: items as never,
		credentials: credentials(),
		waitingBaseUrl: waitingWebhooks.baseUrl,
		continueOnFail,
	});
	return started;
}

const createVideo: INodeParameters = {
	operation: 'createVideo',
	productUrl: '={{ $json.url }}',
	motionStyle: 'talking',
};

test('Create Video: waits, starts the video on the image callback, resumes with finished videos', async () => {
	const started = await runWaiting(createVideo, [
		{ url: IMAGE },
		{ url: 'https://shop.example.com/b.png' },
	]);
	expect(started.error).toBeUndefined();
	expect(started.run.status).toBe('waiting');
	const resumed = waitingWebhooks.track(started, credentials());
	// every request carried this execution's resume URL for this node
	const callbackUrl = `${waitingWebhooks.baseUrl}/${started.executionId}/a1b2c3d4-0000-4000-8000-000000000001`;
	expect(
		sim.paidAttempts('gen_image').map((r) => (r.body as { webhook_url: string }).webhook_url),
	).toEqual([callbackUrl, callbackUrl]);
	const { items, error, run } = await resumed;
	expect(error).toBeUndefined();
	expect(run.status).toBe('success');
	expect(items.map((i) => [i.json.status, i.json.product_url, i.pairedItem])).toEqual([
		['video_generated', IMAGE, { item: 0 }],
		['video_generated', 'https://shop.example.com/b.png', { item: 1 }],
	]);
	expect(sim.paidAttempts('gen_video').map((r) => r.body)).toEqual([
		{ motion_style: 'talking', webhook_url: callbackUrl },
		{ motion_style: 'talking', webhook_url: callbackUrl },
	]);
	// nothing polled: the status was only read when Creatify called back (2 image + 2 video callbacks)
	const statusReads = sim.requests.filter(
		(r) => r.method === 'GET' && r.path === '/api/product_to_videos/',
	);
	// one check before suspending, then one per callback the node handled (n8n refuses those that arrive while
	// the execution is still running)
	const handled = waitingWebhooks.answers.filter(
		(a) => a.executionId === started.executionId && a.status === 200,
	);
	expect(handled.length).toBeGreaterThanOrEqual(1);
	expect(statusReads).toHaveLength(1 + handled.length);
});

test('Generate Video for many items, with duplicated callbacks: the 30 requests are sent before waiting, no callback sends another, resumes once', async () => {
	sim.webhook = { copies: 2 };
	const tasks = Array.from({ length: 30 }, () => sim.seedTask());
	const started = await runWaiting(
		{ operation: 'generateVideo', taskId: rl('={{ $json.id }}') },
		tasks.map((t) => ({ id: t.id })),
	);
	const sentBeforeWaiting = sim.paidAttempts('gen_video').map((r) => r.path);
	expect(sentBeforeWaiting.sort()).toEqual(
		tasks.map((t) => `/api/product_to_videos/${t.id}/gen_video/`).sort(),
	);
	const { items } = await waitingWebhooks.track(started, credentials());
	expect(items.map((i) => i.json.id)).toEqual(tasks.map((t) => t.id));
	expect(items.every((i) => i.json.status === 'video_generated')).toBe(true);
	expect(sim.paidAttempts('gen_video')).toHaveLength(30);
	await sim.settleWebhooks();
	const statuses = waitingWebhooks.answers
		.filter((a) => a.executionId === started.executionId)
		.map((a) => a.status);
	expect(statuses.filter((s) => s === 409).length).toBeGreaterThan(0); // callbacks after the resume
});

test('a failed task comes out with status "failed" and its reason; the others finish', async () => {
	const started = await runWaiting(createVideo, [
		{ url: IMAGE },
		{ url: 'https://shop.example.com/fail-image.png' },
	]);
	const { items } = await waitingWebhooks.track(started, credentials());
	expect(items.map((i) => i.json.status)).toEqual(['video_generated', 'failed']);
	expect(items[1].json.failed_reason).toMatch(/product/);
});

test('a forged callback for a task the execution does not wait for, or a bad body, keeps it waiting', async () => {
	sim.reset({ imageMs: 60_000 });
	const started = await runWaiting({ operation: 'generateImage', productUrl: IMAGE });
	const url = `${waitingWebhooks.baseUrl}/${started.executionId}/a1b2c3d4-0000-4000-8000-000000000001`;
	waitingWebhooks.track(started, credentials());
	const forged = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ id: '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f', status: 'image_generated' }),
	});
	expect(forged.status).toBe(404);
	const broken = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{nope',
	});
	expect(broken.status).toBe(400);
	// a genuine id whose task is still working: the API is asked and the execution keeps waiting
	const id = [...sim.tasks.keys()][0];
	const early = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ id, status: 'image_generated' }),
	});
	expect([early.status, await early.json()]).toEqual([200, { received: true, waiting: true }]);
	const timedOut = await waitingWebhooks.timeOut(started.executionId);
	expect(timedOut.items[0].json).toMatchObject({
		id,
		creatify_wait: { timed_out: true, step: 'image' },
	});
});

test('at the deadline n8n resumes without the node: the output says which tasks timed out', async () => {
	sim.reset({ imageMs: 60_000 });
	const started = await runWaiting(createVideo, [{ url: IMAGE }, { url: IMAGE }]);
	waitingWebhooks.track(started, credentials());
	const { items, run } = await waitingWebhooks.timeOut(started.executionId);
	expect(run.status).toBe('success');
	expect(items).toHaveLength(2);
	for (const [index, item] of items.entries()) {
		expect(item.json).toMatchObject({
			id: expect.any(String),
			status: 'initializing',
			creatify_wait: { timed_out: true, step: 'image', follow_up: { motion_style: 'talking' } },
		});
		expect(item.pairedItem).toEqual({ item: index });
	}
});

test('the wait deadline is Max Wait from now', async () => {
	sim.reset({ imageMs: 60_000 });
	const before = Date.now();
	const started: RunResult = await runWaiting({
		operation: 'generateImage',
		productUrl: IMAGE,
		maxWaitMinutes: 10,
	});
	const waitTill = started.run.waitTill!.getTime();
	expect(waitTill - before).toBeGreaterThanOrEqual(10 * 60_000 - 50);
	expect(waitTill - Date.now()).toBeLessThanOrEqual(10 * 60_000);
});

test('a local n8n with the real Creatify is refused before anything is sent', async () => {
	const { error } = await runCreatify({
		parameters: { operation: 'generateImage', productUrl: IMAGE, waitMode: 'callback' },
		credentials: credentials({ baseUrl: 'https://api.creatify.ai' }),
		waitingBaseUrl: 'http://localhost:5678/webhook-waiting',
	});
	expect(error?.message).toBe('n8n is not reachable from Creatify');
	expect(error?.description).toMatch(/WEBHOOK_URL.*Poll Until Done.*Nothing was sent/);
});

test('items that failed validation under Continue On Fail come out unchanged after the resume', async () => {
	const started = await runWaiting(createVideo, [{ url: 'not a url' }, { url: IMAGE }], true);
	const { items } = await waitingWebhooks.track(started, credentials());
	expect(failureOf(items[0])?.message).toMatch(/Product URL/);
	expect(items[1].json.status).toBe('video_generated');
});

test('Create Video with every callback delivered twice: each task pays for one video only', async () => {
	sim.webhook = { copies: 2 };
	const rows = Array.from({ length: 10 }, (_, i) => ({
		url: `https://shop.example.com/p/${i}.png`,
	}));
	const started = await runWaiting(createVideo, rows);
	const { items } = await waitingWebhooks.track(started, credentials());
	expect(items.every((i) => i.json.status === 'video_generated')).toBe(true);
	// every copy of every image callback reached the node, and each task got one gen_video request
	await sim.settleWebhooks();
	expect(sim.webhookDeliveries.filter((d) => d.status === 'image_generated')).toHaveLength(20);
	const videoRequests = sim.paidAttempts('gen_video').map((r) => r.path);
	expect(videoRequests.sort()).toEqual(
		items.map((i) => `/api/product_to_videos/${i.json.id}/gen_video/`).sort(),
	);
	expect(sim.credits).toBe(1000 - 4 * 10);
});

test('images that finish while a long batch is still being sent get their videos before the execution waits', async () => {
	// n8n refuses callbacks while the execution runs (the harness answers 404): these image callbacks are lost
	await sim.settleWebhooks(); // earlier tests' late callbacks must not take the faults below
	sim.reset({ imageMs: 5, videoMs: 300 });
	sim.inject({ method: 'POST', path: /gen_image\/$/, delayMs: 40, times: 6 });
	// the status check after the batch also gives the last image time to finish
	sim.inject({ method: 'GET', path: /product_to_videos\/$/, delayMs: 30, times: 1 });
	const rows = Array.from({ length: 6 }, (_, i) => ({
		url: `https://shop.example.com/early/${i}.png`,
	}));
	const started = await runWaiting({ ...createVideo, options: { concurrency: 1 } }, rows);
	expect(started.run.status).toBe('waiting');
	// every video was requested before the wait, with the callback URL, once per task
	const videos = sim.paidAttempts('gen_video');
	expect(videos).toHaveLength(6);
	expect(
		videos.every((r) =>
			String((r.body as { webhook_url: string }).webhook_url).startsWith(waitingWebhooks.baseUrl),
		),
	).toBe(true);
	const { items } = await waitingWebhooks.track(started, credentials());
	expect(items.map((i) => [i.json.product_url, i.json.status])).toEqual(
		rows.map((r) => [r.url, 'video_generated']),
	);
	expect(sim.paidAttempts('gen_video')).toHaveLength(6);
});

test('images that finish while the catch-up sends its videos get theirs too, before the execution waits', async () => {
	await sim.settleWebhooks();
	sim.reset({ imageMs: 200, videoMs: 300 });
	// images are asked for in 0.6 s; the catch-up then sends the videos of the finished ones, one at a time, for
	// 0.5 s, while the last images finish: their callbacks are refused (the execution does not wait yet)
	sim.inject({ method: 'POST', path: /gen_image\/$/, delayMs: 100, times: 6 });
	sim.inject({ method: 'POST', path: /gen_video\/$/, delayMs: 100, times: 6 });
	const rows = Array.from({ length: 6 }, (_, i) => ({
		url: `https://shop.example.com/mid/${i}.png`,
	}));
	const started = await runWaiting({ ...createVideo, options: { concurrency: 1 } }, rows);
	expect(started.run.status).toBe('waiting');
	expect(sim.paidAttempts('gen_video')).toHaveLength(6);
	const { items } = await waitingWebhooks.track(started, credentials());
	expect(items.map((i) => i.json.status)).toEqual(rows.map(() => 'video_generated'));
});

test('tasks that all finished while the batch was sent: no wait, the results come out at once', async () => {
	await sim.settleWebhooks();
	sim.reset({ imageMs: 5 });
	sim.inject({ method: 'POST', path: /gen_image\/$/, delayMs: 40, times: 3 });
	sim.inject({ method: 'GET', path: /product_to_videos\/$/, delayMs: 30, times: 1 });
	const rows = [
		{ url: IMAGE },
		{ url: 'https://shop.example.com/fail-image.png' },
		{ url: 'https://shop.example.com/c.png' },
	];
	const { run, items, error } = await runWaiting(
		{ operation: 'generateImage', productUrl: '={{ $json.url }}', options: { concurrency: 1 } },
		rows,
	);
	expect(error).toBeUndefined();
	expect(run.status).toBe('success');
	// as callbacks would have delivered them: finished images, and the failed task with its reason
	expect(items.map((i) => [i.json.status, i.pairedItem])).toEqual([
		['image_generated', { item: 0 }],
		['failed', { item: 1 }],
		['image_generated', { item: 2 }],
	]);
	expect(items[0].json.creatify_wait).toBeUndefined();
});

test('300 jobs finishing apart: each callback reads about one list of 100, whatever the batch size', async () => {
	sim.reset({ videoMs: 300, renderSpreadMs: 3000, credits: 10_000 });
	const started = await runWaiting(
		{
			resource: 'textToSpeech',
			script: '={{ $json.script }}',
			options: { download: 'none', concurrency: 20 },
		},
		Array.from({ length: 300 }, (_, k) => ({ script: `Line ${k}.` })),
	);
	const { items, error } = await waitingWebhooks.track(started, credentials());
	expect(error).toBeUndefined();
	expect(items.every((item) => item.json.status === 'done')).toBe(true);
	await sim.settleWebhooks();
	const callbacks = sim.webhookDeliveries.length;
	const reads = sim.requests.filter(
		(r) => r.method === 'GET' && r.path === '/api/text_to_speech/' && r.query.ids,
	).length;
	// before, every callback read all 300 (3 list calls): 900 for 300 callbacks
	expect(callbacks).toBe(300);
	expect(reads / callbacks).toBeLessThan(1.3);
});

test('more items than Max Items for Callbacks: the run polls instead, sends no webhook_url, and says so', async () => {
	sim.reset({ videoMs: 100 });
	const started = await runWaiting(
		{
			resource: 'textToSpeech',
			script: '={{ $json.script }}',
			options: { download: 'none', callbackItemLimit: 2, pollIntervalSeconds: 1 },
		},
		[{ script: 'One.' }, { script: 'Two.' }, { script: 'Three.' }],
	);
	expect(started.run.waitTill).toBeUndefined();
	expect(started.error).toBeUndefined();
	expect(started.items.map((i) => [i.json.status, i.pairedItem])).toEqual([
		['done', { item: 0 }],
		['done', { item: 1 }],
		['done', { item: 2 }],
	]);
	const posts = sim.requests.filter((r) => r.method === 'POST');
	expect(posts.map((r) => (r.body as { webhook_url?: string }).webhook_url)).toEqual([
		undefined,
		undefined,
		undefined,
	]);
	const hints = started.run.data.resultData.runData.Creatify.at(-1)?.hints ?? [];
	expect(hints.map((h) => h.message)).toEqual([
		expect.stringContaining('3 items are more than Max Items for Callbacks (2)'),
	]);
});

test('at Max Items for Callbacks the run still waits for callbacks', async () => {
	sim.reset({ videoMs: 100 });
	const started = await runWaiting(
		{
			resource: 'textToSpeech',
			script: '={{ $json.script }}',
			options: { download: 'none', callbackItemLimit: 2 },
		},
		[{ script: 'One.' }, { script: 'Two.' }],
	);
	expect(started.run.waitTill).toBeInstanceOf(Date);
	const { items, error } = await waitingWebhooks.track(started, credentials());
	expect(error).toBeUndefined();
	expect(items.map((i) => i.json.status)).toEqual(['done', 'done']);
});
