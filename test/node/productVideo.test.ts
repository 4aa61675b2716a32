import type { INodeParameters } from 'n8n-workflow';

import { rl, useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';
import { PERSONAS } from '../simulator/personas';

const { sim, credentials } = useSimulator();

const IMAGE = 'https://shop.example.com/images/bottle.png';

describe('Generate Video', () => {
	test('sends gen_video for the task with motion style and options, returns the task', async () => {
		const task = sim.seedTask();
		const { items, error } = await runCreatify({
			parameters: {
				operation: 'generateVideo',
				taskId: rl(task.id),
				motionStyle: 'talking',
				options: {
					videoPrompt: 'A sunny kitchen',
					webhookUrl: 'https://n8n.example.com/webhook/abc/creatify',
				},
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: task.id,
			status: 'video_generating',
			motion_style: 'talking',
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const [request] = sim.paidAttempts('gen_video');
		expect(request.path).toBe(`/api/product_to_videos/${task.id}/gen_video/`);
		expect(request.body).toEqual({
			motion_style: 'talking',
			video_prompt: 'A sunny kitchen',
			webhook_url: 'https://n8n.example.com/webhook/abc/creatify',
		});
		expect(request.headers['x-api-id']).toBe(sim.apiId);
		expect(request.headers['x-api-key']).toBe(sim.apiKey);
		expect(sim.credits).toBe(1000 - 3);
		await sim.waitForStatus(task.id, ['video_generated']);
	});

	test('is the default operation of the node, with motion style "display"', async () => {
		const task = sim.seedTask();
		const { items } = await runCreatify({
			parameters: { taskId: rl(task.id, 'list') },
			credentials: credentials(),
		});
		expect(items[0].json.id).toBe(task.id);
		expect(sim.paidAttempts('gen_video')[0].body).toEqual({ motion_style: 'display' });
	});

	test.each([
		['display', 'display'],
		['talking', 'talking'],
		['', ''],
		['={{ $json.nothing }}', ''],
	])('motion style %j is sent as motion_style %j', async (motionStyle, sent) => {
		const task = sim.seedTask();
		const { error } = await runCreatify({
			parameters: { operation: 'generateVideo', taskId: rl(task.id), motionStyle },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(sim.paidAttempts('gen_video').map((r) => r.body)).toEqual([{ motion_style: sent }]);
	});

	test('one request per input item, task IDs from expressions, output paired in order', async () => {
		const tasks = [sim.seedTask(), sim.seedTask(), sim.seedTask()];
		const { items } = await runCreatify({
			parameters: { operation: 'generateVideo', taskId: rl('={{ $json.taskId }}') },
			items: tasks.map((t) => ({ taskId: t.id })),
			credentials: credentials(),
		});
		expect(items.map((i) => i.json.id)).toEqual(tasks.map((t) => t.id));
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sim.paidAttempts('gen_video')).toHaveLength(3);
	});

	test("a task that is not ready is refused with Creatify's reason and the task ID", async () => {
		const task = sim.seedTask({ status: 'image_generating' });
		const { error } = await runCreatify({
			parameters: { operation: 'generateVideo', taskId: rl(task.id) },
			credentials: credentials(),
		});
		expect(error?.message).toContain(`for task ${task.id} (HTTP 400)`);
		expect(error?.message).toContain('image_generated');
		expect(sim.credits).toBe(1000);
	});
});

describe('Generate Image', () => {
	test('sends gen_image with type, aspect ratio (always) and the options that are set', async () => {
		const avatar = PERSONAS[4].id;
		const { items, error } = await runCreatify({
			parameters: {
				operation: 'generateImage',
				productUrl: ` ${IMAGE} `,
				productType: 'product_avatar',
				aspectRatio: '16x9',
				options: {
					overrideAvatar: rl(avatar, 'list'),
					imagePrompt: 'On a marble table',
					productShowcaseUrl: 'https://shop.example.com/images/in-use.jpg',
					webhookUrl: '',
				},
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			status: 'initializing',
			type: 'product_avatar',
			override_avatar: avatar,
		});
		expect(sim.paidAttempts('gen_image')[0].body).toEqual({
			product_url: IMAGE,
			type: 'product_avatar',
			aspect_ratio: '16x9',
			override_avatar: avatar,
			image_prompt: 'On a marble table',
			product_showcase_url: 'https://shop.example.com/images/in-use.jpg',
		});
		const done = await sim.waitForStatus(items[0].json.id as string, ['image_generated']);
		expect(done.generated_photo_url).toContain('/preview.png');
		expect(sim.credits).toBe(999);
	});

	test('defaults: Product Only, 9x16; an aspect ratio typed as 9:16 is accepted', async () => {
		await runCreatify({
			parameters: { operation: 'generateImage', productUrl: IMAGE, aspectRatio: '={{ "1:1" }}' },
			credentials: credentials(),
		});
		expect(sim.paidAttempts('gen_image')[0].body).toEqual({
			product_url: IMAGE,
			type: 'product_anyshot',
			aspect_ratio: '1x1',
		});
	});
});

describe('Regenerate Image', () => {
	test('returns the NEW task that points back at its source', async () => {
		const source = sim.seedTask();
		const { items } = await runCreatify({
			parameters: {
				operation: 'regenerateImage',
				taskId: rl(source.id),
				options: { imagePrompt: 'Brighter' },
			},
			credentials: credentials(),
		});
		expect(items[0].json).toMatchObject({
			regen_type: 'regen_image',
			regen_source_id: source.id,
			image_prompt: 'Brighter',
		});
		expect(items[0].json.id).not.toBe(source.id);
		expect(sim.paidAttempts('regen_image')[0].body).toEqual({ image_prompt: 'Brighter' });
		expect(sim.credits).toBe(999);
	});
});

describe('Regenerate Video', () => {
	const regenerate = (taskId: string, options: INodeParameters = {}) =>
		runCreatify({
			parameters: {
				operation: 'regenerateVideo',
				taskId: rl(taskId),
				motionStyle: 'talking',
				waitMode: 'poll',
				options: { download: 'none', pollIntervalSeconds: 1, ...options },
			},
			credentials: credentials(),
		});

	test('waits for the NEW task with its video, sends the video fields, and costs 1 credit', async () => {
		const source = sim.seedTask({ status: 'video_generated' });
		const { items, error } = await regenerate(source.id, { videoPrompt: 'Slower' });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			status: 'video_generated',
			regen_type: 'regen_video',
			regen_source_id: source.id,
		});
		expect(items[0].json.id).not.toBe(source.id);
		expect(items[0].json.generated_video_url).toMatch(/video\.mp4$/);
		expect(sim.paidAttempts('regen_video')[0].body).toEqual({
			motion_style: 'talking',
			video_prompt: 'Slower',
		});
		expect(sim.credits).toBe(999);
	});

	test('Check Credits First counts 1 credit: an account with 1 pays, one with none is refused unsent', async () => {
		const source = sim.seedTask({ status: 'video_generated' });
		sim.credits = 1;
		expect((await regenerate(source.id)).error).toBeUndefined();
		const refused = await regenerate(source.id);
		expect(refused.error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 1, the account has 0',
		);
		expect(sim.paidAttempts('regen_video')).toHaveLength(1);
	});
});

describe('Get', () => {
	test('returns the task with unknown fields and statuses untouched', async () => {
		const task = sim.seedTask({ status: 'upscaling' as never, brand_new_field: { nested: true } });
		const { items } = await runCreatify({
			parameters: { operation: 'get', taskId: rl(task.id) },
			credentials: credentials(),
		});
		expect(items[0].json).toEqual(JSON.parse(JSON.stringify(task)));
	});

	test('an unknown task is a "not found" error naming it', async () => {
		const id = '00000000-0000-4000-8000-000000000000';
		const { error } = await runCreatify({
			parameters: { operation: 'get', taskId: rl(id) },
			credentials: credentials(),
		});
		expect(error?.message).toBe(`Task ${id} not found`);
		expect((error as { httpCode?: string }).httpCode).toBe('404');
	});
});

describe('Get Many', () => {
	test('without IDs: all tasks, limited to 50 by default, or all with Return All', async () => {
		for (let i = 0; i < 60; i++) sim.seedTask();
		const limited = await runCreatify({
			parameters: { operation: 'getMany' },
			credentials: credentials(),
		});
		expect(limited.items).toHaveLength(50);
		const all = await runCreatify({
			parameters: { operation: 'getMany', returnAll: true },
			credentials: credentials(),
		});
		expect(all.items).toHaveLength(60);
		expect(
			all.items.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0),
		).toBe(true);
	});

	test('with a limit, stops fetching once it has enough', async () => {
		const ids = Array.from({ length: 150 }, () => sim.seedTask().id);
		const { items } = await runCreatify({
			parameters: { operation: 'getMany', taskIds: ids.join(' '), limit: 10 },
			credentials: credentials(),
		});
		expect(items).toHaveLength(10);
		expect(sim.requests.filter((r) => r.path === '/api/product_to_videos/')).toHaveLength(1);
	});
});

describe('validation happens before anything is sent', () => {
	const cases: Array<[string, INodeParameters, RegExp]> = [
		[
			'a task ID that is not a UUID',
			{ operation: 'generateVideo', taskId: rl('={{ "abc-123" }}') },
			/Task ID must be a Creatify ID .*"abc-123" \(item 0\)/,
		],
		[
			'a product URL that is not http(s)',
			{ operation: 'generateImage', productUrl: 'ftp://x.example.com/a.png' },
			/Product URL must start with http/,
		],
		[
			'a product URL over 200 characters',
			{ operation: 'generateImage', productUrl: `https://e.com/${'a'.repeat(200)}.png` },
			/at most 200/,
		],
		[
			'an unknown aspect ratio typed by hand',
			{ operation: 'generateImage', productUrl: IMAGE, aspectRatio: '={{ "4x3" }}' },
			/Aspect Ratio must be one of "9x16", "16x9", "1x1", got "4x3"/,
		],
		[
			'an unknown product type',
			{ operation: 'generateImage', productUrl: IMAGE, productType: '={{ "video" }}' },
			/Type must be one of/,
		],
		[
			'an unknown motion style',
			{
				operation: 'generateVideo',
				taskId: rl('3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f'),
				motionStyle: '={{ "dance" }}',
			},
			/Motion Style must be one of "talking", "display", "" \(blank\), got "dance"/,
		],
		[
			'an avatar ID that is not a UUID',
			{ operation: 'generateImage', productUrl: IMAGE, options: { overrideAvatar: rl('Ava') } },
			/Avatar ID must be/,
		],
		[
			'a webhook URL that is not a URL',
			{ operation: 'generateImage', productUrl: IMAGE, options: { webhookUrl: 'n8n.local/hook' } },
			/Webhook URL must be an http\(s\) URL/,
		],
		[
			'a bad ID among Get Many IDs',
			{ operation: 'getMany', taskIds: '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f, nope' },
			/Each of the Task IDs must be .*"nope"/,
		],
	];
	test.each(cases)('%s', async (_name, parameters, message) => {
		const { error } = await runCreatify({ parameters, credentials: credentials() });
		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(/Nothing was sent to Creatify/);
		expect(sim.requests).toHaveLength(0);
	});

	test('an ID the editor would flag is refused by n8n itself before the node runs', async () => {
		const { error } = await runCreatify({
			parameters: { operation: 'generateVideo', taskId: rl('abc-123') },
			credentials: credentials(),
		}).catch((e: Error) => ({ error: e }));
		expect(error?.message).toMatch(/workflow has issues/);
		expect(sim.requests).toHaveLength(0);
	});

	test('a bad item 2 of 3 is named, and stops the run before items 0 and 1 spend anything', async () => {
		const { error } = await runCreatify({
			parameters: { operation: 'generateVideo', taskId: rl('={{ $json.id }}') },
			items: [{ id: sim.seedTask().id }, { id: sim.seedTask().id }, { id: 'not-a-task' }],
			credentials: credentials(),
		});
		expect(error?.message).toMatch(/"not-a-task" \(item 2\)/);
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
		expect(sim.requests).toHaveLength(0);
		expect(sim.credits).toBe(1000);
	});
});

describe('a paid task that was created is never forgotten', () => {
	test('when item 2 runs out of credits, the error lists the tasks items 0 and 1 created', async () => {
		sim.reset({ credits: 2 });
		const { error } = await runCreatify({
			parameters: {
				operation: 'generateImage',
				productUrl: '={{ $json.url }}',
				options: { checkCredits: false, concurrency: 1 },
			},
			items: [{ url: IMAGE }, { url: IMAGE }, { url: IMAGE }],
			credentials: credentials(),
		});
		const created = [...sim.tasks.keys()];
		expect(created).toHaveLength(2);
		expect(error?.message).toBe('Not enough Creatify credits');
		expect(error?.description).toContain('Insufficient credits');
		expect(error?.description).toContain(`item 0: ${created[0]}, item 1: ${created[1]}`);
		expect((error as { context?: Record<string, unknown> }).context?.createdJobs).toEqual([
			{ itemIndex: 0, jobId: created[0] },
			{ itemIndex: 1, jobId: created[1] },
		]);
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
	});
});

describe('Continue On Fail', () => {
	test('a failing item becomes an error item paired with its input; the others go on', async () => {
		const ready = sim.seedTask();
		const busy = sim.seedTask({ status: 'video_generating' });
		const { items, error } = await runCreatify({
			parameters: { operation: 'generateVideo', taskId: rl('={{ $json.id }}') },
			items: [{ id: ready.id }, { id: 'oops' }, { id: busy.id }, { id: sim.seedTask().id }],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items[0].json.status).toBe('video_generating');
		expect(failureOf(items[1])?.message).toMatch(/Task ID must be/);
		expect(failureOf(items[2])).toMatchObject({ taskId: busy.id, httpCode: '400' });
		// one key only: n8n 1.x sends nothing else to the error output
		expect(Object.keys(items[2].json)).toEqual(['error']);
		expect(failureOf(items[2])?.message).toContain(busy.id);
		expect(items[3].json.status).toBe('video_generating');
		expect(sim.paidAttempts('gen_video')).toHaveLength(3);
	});
});
