/** Waiting for renders by polling: one item or hundreds, failures, rate limits, cancel and timeouts. */
import type { INodeParameters } from 'n8n-workflow';

import { rl, useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';

const { sim, credentials } = useSimulator({ imageMs: 300, videoMs: 500 });
const IMAGE = 'https://shop.example.com/images/bottle.png';
const FAST_POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };

const createVideo = (
	extra: INodeParameters = {},
	options: INodeParameters = {},
): INodeParameters => ({
	operation: 'createVideo',
	productUrl: '={{ $json.url }}',
	motionStyle: 'talking',
	options: { ...FAST_POLL, ...options },
	...extra,
});

const listCalls = () =>
	sim.requests.filter((r) => r.method === 'GET' && r.path === '/api/product_to_videos/');

describe('Create Video (poll)', () => {
	test('one item: image, then video, then the finished task', async () => {
		const { items, error } = await runCreatify({
			parameters: createVideo({}, { videoPrompt: 'Sunny kitchen' }),
			items: [{ url: IMAGE }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			status: 'video_generated',
			motion_style: 'talking',
			video_prompt: 'Sunny kitchen',
		});
		expect(items[0].json.generated_video_url).toBe(
			`${sim.url}/media/${items[0].json.id}/video.mp4`,
		);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(sim.paidAttempts('gen_image')).toHaveLength(1);
		expect(sim.paidAttempts('gen_video')).toHaveLength(1);
		expect(sim.credits).toBe(1000 - 4);
		// the credit check came first, before anything was spent
		expect(sim.requests[0].path).toBe('/api/remaining_credits/');
	});

	test('200 items: every row gets its video, in input order, polled 100 IDs per call', async () => {
		const rows = Array.from({ length: 200 }, (_, i) => ({
			url: `https://shop.example.com/p/${i}.png`,
		}));
		const { items, error } = await runCreatify({
			parameters: createVideo({}, { concurrency: 10 }),
			items: rows,
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(200);
		items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({ status: 'video_generated', product_url: rows[i].url });
		});
		expect(sim.paidAttempts()).toHaveLength(400);
		expect(Math.max(...listCalls().map((c) => c.query.ids.split(',').length))).toBeLessThanOrEqual(
			100,
		);
		// status calls per task stay small: a few rounds of list calls for 200 tasks
		expect(listCalls().length / 200).toBeLessThan(0.2);
	}, 60_000);

	test('failures mid-batch with Continue On Fail: failed tasks come out with their reason, the rest finish', async () => {
		const rows = [
			{ url: IMAGE },
			{ url: 'https://shop.example.com/fail-image.png' },
			{ url: IMAGE, prompt: 'fail-video' },
			{ url: IMAGE },
		];
		const { items, error } = await runCreatify({
			parameters: createVideo({}, { videoPrompt: '={{ $json.prompt ?? "" }}' }),
			items: rows,
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		// failed tasks are error items ({ error: { message, taskId, task } }) that carry the task record
		const record = (i: number) => failureOf(items[i])!.task!;
		expect([
			items[0].json.status,
			record(1).status,
			record(2).status,
			items[3].json.status,
		]).toEqual(['video_generated', 'failed', 'failed', 'video_generated']);
		expect(record(1).failed_reason).toMatch(/product/);
		expect(failureOf(items[1])?.message).toBe(
			`Task ${record(1).id} failed at the image step: ${record(1).failed_reason}`,
		);
		expect(failureOf(items[1])).toMatchObject({ taskId: record(1).id });
		expect(record(2).failed_reason).toMatch(/Video rendering failed/);
		expect(failureOf(items[2])?.message).toMatch(/failed at the video step/);
		expect(failureOf(items[0])?.message).toBeUndefined();
		expect(sim.paidAttempts('gen_video')).toHaveLength(3);
	});

	test("with the error output, n8n sends failed tasks there with their ID and record (by n8n's strictest rule, 1.x's)", async () => {
		const rows = [{ url: IMAGE }, { url: 'https://shop.example.com/fail-image.png' }];
		const { items, errorItems, error } = await runCreatify({
			parameters: createVideo(),
			items: rows,
			credentials: credentials(),
			continueOnFail: 'errorOutput',
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.status, i.pairedItem])).toEqual([
			['video_generated', { item: 0 }],
		]);
		expect(errorItems).toHaveLength(1);
		const failure = failureOf(errorItems[0])!;
		expect(failure.message).toBe(
			`Task ${failure.taskId} failed at the image step: ${failure.task!.failed_reason}`,
		);
		expect(failure.task).toMatchObject({
			id: failure.taskId,
			product_url: rows[1].url,
			status: 'failed',
		});
		expect(errorItems[0].pairedItem).toEqual({ item: 1 });
	});

	test('a failure without Continue On Fail names the task, the step and the reason, and lists all created tasks', async () => {
		const { error } = await runCreatify({
			parameters: createVideo(),
			items: [{ url: IMAGE }, { url: 'https://shop.example.com/fail-image.png' }],
			credentials: credentials(),
		});
		const failedId = [...sim.tasks.values()].find((t) => t.product_url.includes('fail-image'))!.id;
		expect(error?.message).toBe(
			`Task ${failedId} failed at the image step: Could not detect a product in the image.`,
		);
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		for (const id of sim.tasks.keys()) expect(error?.description).toContain(id);
	});

	test('429 storms while polling are ridden out', async () => {
		sim.inject({
			method: 'GET',
			path: '/api/product_to_videos/',
			status: 429,
			body: { detail: 'Throttled.' },
			headers: { 'retry-after': '0' },
			times: 12,
		});
		const { items, error } = await runCreatify({
			parameters: createVideo(),
			items: [{ url: IMAGE }, { url: IMAGE }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.status)).toEqual(['video_generated', 'video_generated']);
		expect(listCalls().filter((c) => c.status === 429)).toHaveLength(12);
	}, 30_000);

	test('a status check that keeps failing is skipped; the next round goes on', async () => {
		sim.inject({
			method: 'GET',
			path: '/api/product_to_videos/',
			status: 503,
			body: {},
			headers: { 'retry-after': '0' },
			times: 5,
		});
		const { items, error } = await runCreatify({
			parameters: createVideo(),
			items: [{ url: IMAGE }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('video_generated');
	}, 30_000);

	test('timeout: the unfinished task becomes an error with its ID and how to fetch it later', async () => {
		sim.reset({ imageMs: 300, videoMs: 60_000 });
		const { items } = await runCreatify({
			parameters: createVideo({ maxWaitMinutes: '={{ 0.05 }}' }),
			items: [{ url: IMAGE }],
			credentials: credentials(),
			continueOnFail: true,
		});
		const id = [...sim.tasks.keys()][0];
		expect(failureOf(items[0])).toMatchObject({
			message: `Task ${id} did not finish within 0.05 minutes (status "video_generating")`,
			taskId: id,
			description: expect.stringMatching(/Get operation and task ID/),
		});
	}, 30_000);

	test('timeout in a status the pages do not list: the error names it as unknown (the node kept waiting)', async () => {
		sim.reset({ imageMs: 60_000 });
		const { items } = await runCreatify({
			parameters: createVideo({ maxWaitMinutes: '={{ 0.05 }}' }),
			items: [{ url: IMAGE }],
			credentials: credentials(),
			continueOnFail: true,
			onStarted: () =>
				setTimeout(() => {
					for (const task of sim.tasks.values())
						(task as { status: string }).status = 'under_review';
				}, 300),
		});
		const id = [...sim.tasks.keys()][0];
		expect(failureOf(items[0])?.message).toBe(
			`Task ${id} did not finish within 0.05 minutes (status "under_review", which Creatify's pages do not list for Product Video; the node waits through statuses it does not know)`,
		);
	}, 30_000);

	test('cancelling the execution stops polling at once', async () => {
		sim.reset({ imageMs: 60_000 });
		const started = Date.now();
		await runCreatify({
			parameters: createVideo({}, { pollIntervalSeconds: 20 }),
			items: [{ url: IMAGE }],
			credentials: credentials(),
			onStarted: (cancel) => setTimeout(cancel, 500),
		});
		expect(Date.now() - started).toBeLessThan(5000);
		expect(listCalls()).toHaveLength(0);
	});

	test('a bad motion style in item 1 stops the run before item 0 spends anything', async () => {
		const { error } = await runCreatify({
			parameters: createVideo({ motionStyle: '={{ $json.style }}' }),
			items: [
				{ url: IMAGE, style: 'talking' },
				{ url: IMAGE, style: 'dance' },
			],
			credentials: credentials(),
		});
		expect(error?.message).toMatch(/Motion Style must be one of .*"dance" \(item 1\)/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('wait mode on the single-step operations', () => {
	test('Generate Image (poll) returns the finished preview image', async () => {
		const { items } = await runCreatify({
			parameters: {
				operation: 'generateImage',
				productUrl: IMAGE,
				waitMode: 'poll',
				options: FAST_POLL,
			},
			credentials: credentials(),
		});
		expect(items[0].json).toMatchObject({
			status: 'image_generated',
			generated_photo_url: expect.stringContaining('preview.png'),
		});
	});

	test('Generate Video (poll) and Regenerate Image (poll)', async () => {
		const task = sim.seedTask();
		const video = await runCreatify({
			parameters: {
				operation: 'generateVideo',
				taskId: rl(task.id),
				waitMode: 'poll',
				options: FAST_POLL,
			},
			credentials: credentials(),
		});
		expect(video.items[0].json.status).toBe('video_generated');
		const regen = await runCreatify({
			parameters: {
				operation: 'regenerateImage',
				taskId: rl(task.id),
				waitMode: 'poll',
				options: FAST_POLL,
			},
			credentials: credentials(),
		});
		expect(regen.items[0].json).toMatchObject({
			status: 'image_generated',
			regen_source_id: task.id,
		});
	});

	test("Don't Wait (the default) returns at once", async () => {
		const { items } = await runCreatify({
			parameters: { operation: 'generateImage', productUrl: IMAGE },
			credentials: credentials(),
		});
		expect(items[0].json.status).toBe('initializing');
		expect(listCalls()).toHaveLength(0);
	});
});

describe('credits and concurrency', () => {
	test('not enough credits for all items: stops before spending anything', async () => {
		sim.reset({ credits: 7 });
		const { error } = await runCreatify({
			parameters: createVideo(),
			items: [{ url: IMAGE }, { url: IMAGE }],
			credentials: credentials(),
		});
		expect(error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 8, the account has 7',
		);
		expect(sim.paidAttempts()).toHaveLength(0);
	});

	test('10,000 rows pasted by mistake, with a cap of 100 credits, cost nothing', async () => {
		const { error } = await runCreatify({
			parameters: {
				operation: 'createVideo',
				productUrl: '={{ $json.url }}',
				waitMode: 'poll',
				options: { maxCreditsPerRun: 100 },
			},
			items: Array.from({ length: 10_000 }, (_, k) => ({ url: `https://x.example.com/${k}.png` })),
			credentials: credentials(),
		});
		expect(error?.message).toBe(
			'This run would spend 40000 Creatify credits, more than Max Credits per Run (100)',
		);
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	test('the credit check can be turned off', async () => {
		const { error } = await runCreatify({
			parameters: {
				operation: 'generateImage',
				productUrl: IMAGE,
				options: { checkCredits: false },
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(sim.requests.map((r) => r.path)).toEqual(['/api/product_to_videos/gen_image/']);
	});

	test.each([1, 3])(
		'with Concurrent Requests %i, exactly that many paid requests are in flight at the peak',
		async (concurrency) => {
			// each request is held long enough that the pool fills before the first answer
			sim.inject({ path: '/api/product_to_videos/gen_image/', delayMs: 150, times: 9 });
			const { error } = await runCreatify({
				parameters: {
					operation: 'generateImage',
					productUrl: '={{ $json.url }}',
					options: { concurrency },
				},
				items: Array.from({ length: 9 }, () => ({ url: IMAGE })),
				credentials: credentials(),
			});
			expect(error).toBeUndefined();
			expect(sim.paidAttempts()).toHaveLength(9);
			expect(sim.peakPaidInFlight).toBe(concurrency);
		},
	);
});
