/**
 * Creatify Trigger: the simulator's real webhook deliveries (and forged or broken requests) reach the trigger's
 * webhook() through a local stand-in for n8n's webhook endpoint.
 */
import { randomUUID } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import { rl, useSimulator } from '../harness/fixture';
import { runCreatify } from '../harness/n8n';
import { TriggerHarness } from '../harness/webhook';

const { sim, credentials } = useSimulator({ imageMs: 40, videoMs: 60 });
const IMAGE = 'https://shop.example.com/images/bottle.png';

const harnesses: TriggerHarness[] = [];
async function listen(parameters: INodeParameters = {}, typeVersion?: number) {
	const harness = new TriggerHarness(parameters, credentials(), typeVersion);
	harnesses.push(harness);
	await harness.start();
	return harness;
}
afterEach(async () => {
	await Promise.all(harnesses.splice(0).map((h) => h.stop()));
});

async function post(url: string, body: unknown, contentType: string | null = 'application/json') {
	const response = await fetch(url, {
		method: 'POST',
		headers: contentType === null ? {} : { 'content-type': contentType },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}

/** Runs Generate Image (and optionally Generate Video) with the trigger's URL, as a user's workflow would. */
async function renderWithCallbacks(
	url: string,
	{ video = true, productUrl = IMAGE, videoPrompt = '' } = {},
) {
	const image = await runCreatify({
		parameters: { operation: 'generateImage', productUrl, options: { webhookUrl: url } },
		credentials: credentials(),
	});
	const id = image.items[0].json.id as string;
	const afterImage = await sim.waitForStatus(id, ['image_generated', 'failed']);
	if (video && afterImage.status === 'image_generated') {
		await runCreatify({
			parameters: {
				operation: 'generateVideo',
				taskId: rl(id),
				options: { webhookUrl: url, videoPrompt },
			},
			credentials: credentials(),
		});
		await sim.waitForStatus(id, ['video_generated', 'failed']);
	}
	await sim.settleWebhooks();
	return id;
}

describe("end to end with the simulator's callbacks", () => {
	test('default events (video ready, failed): the video callback starts one verified execution', async () => {
		const trigger = await listen();
		const id = await renderWithCallbacks(trigger.url);
		expect(sim.webhookDeliveries.map((d) => [d.status, d.responseStatus])).toEqual([
			['image_generated', 200],
			['video_generated', 200],
		]);
		expect(trigger.executions).toHaveLength(1);
		const [item] = trigger.executions[0];
		expect(item.json).toMatchObject({
			id,
			status: 'video_generated',
			event: 'videoReady',
			jobType: 'productVideo',
			verified: true,
		});
		expect(item.json.generated_video_url).toBe(`${sim.url}/media/${id}/video.mp4`);
		// verification fetched the task from the API with the credential
		expect(
			sim.requests.filter((r) => r.method === 'GET' && r.path === `/api/product_to_videos/${id}/`),
		).toHaveLength(2);
	});

	test('preview image ready', async () => {
		const trigger = await listen({ events: ['imageReady'] });
		const id = await renderWithCallbacks(trigger.url, { video: false });
		expect(trigger.executions.map((e) => e[0].json)).toEqual([
			expect.objectContaining({ id, status: 'image_generated', event: 'imageReady' }),
		]);
	});

	test('failed, at the image step and at the video step', async () => {
		const trigger = await listen({ events: ['failed'] });
		const badImage = await renderWithCallbacks(trigger.url, {
			productUrl: 'https://x.example.com/fail-image.png',
		});
		const badVideo = await renderWithCallbacks(trigger.url, { videoPrompt: 'fail-video' });
		expect(
			trigger.executions.map((e) => [e[0].json.id, e[0].json.event, !!e[0].json.failed_reason]),
		).toEqual([
			[badImage, 'failed', true],
			[badVideo, 'failed', true],
		]);
	});

	test('duplicated deliveries start one execution', async () => {
		sim.webhook = { copies: 4 };
		const trigger = await listen();
		await renderWithCallbacks(trigger.url);
		expect(sim.webhookDeliveries.filter((d) => d.status === 'video_generated')).toHaveLength(4);
		expect(trigger.executions).toHaveLength(1);
	});

	test('the documented stale callback (body still says video_generating) is verified into "video ready"', async () => {
		sim.webhook = { staleVideoStatus: true };
		const trigger = await listen();
		const id = await renderWithCallbacks(trigger.url);
		expect(trigger.executions.map((e) => e[0].json)).toEqual([
			expect.objectContaining({ id, status: 'video_generated', event: 'videoReady' }),
		]);
	});

	test('product type filter', async () => {
		const trigger = await listen({ productTypes: ['product_avatar'] });
		await renderWithCallbacks(trigger.url);
		expect(trigger.executions).toHaveLength(0);
		expect(sim.webhookDeliveries.every((d) => d.responseStatus === 200)).toBe(true);
	});
});

describe('requests that start nothing', () => {
	test.each([
		['not JSON', 'id=1&status=done', 'application/x-www-form-urlencoded', 400, 'invalid_json'],
		['JSON that is not an object', '[1,2]', 'application/json', 400, 'invalid_body'],
		['no id', '{"status":"video_generated"}', 'application/json', 400, 'invalid_body'],
		[
			'an id that is not a UUID',
			'{"id":"42","status":"video_generated"}',
			'application/json',
			400,
			'invalid_body',
		],
		[
			'a huge body',
			JSON.stringify({ id: '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f', pad: 'x'.repeat(70_000) }),
			'application/json',
			413,
			'body_too_large',
		],
	])('%s', async (_name, body, contentType, status, error) => {
		const trigger = await listen();
		const answer = await post(trigger.url, body, contentType);
		expect(answer).toEqual({ status, body: { error, message: expect.any(String) } });
		expect(trigger.executions).toHaveLength(0);
		expect(sim.requests).toHaveLength(0);
	});

	test('a forged body naming a task the account does not have', async () => {
		const trigger = await listen();
		const answer = await post(trigger.url, {
			id: '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f',
			status: 'video_generated',
		});
		expect(answer).toEqual({
			status: 404,
			body: { error: 'unknown_job', message: expect.any(String) },
		});
		expect(trigger.executions).toHaveLength(0);
	});

	test('a tampered status: the body says done, the API says still rendering', async () => {
		const task = sim.seedTask({ status: 'video_generating' });
		const trigger = await listen();
		const answer = await post(trigger.url, {
			...task,
			status: 'video_generated',
			generated_video_url: 'https://evil.example.com/x.mp4',
		});
		expect(answer).toEqual({
			status: 409,
			body: { error: 'job_not_finished', message: 'Task status is "video_generating"' },
		});
		expect(trigger.executions).toHaveLength(0);
		// a refused claim is not remembered: the genuine callback later still gets through
		sim.tasks.get(task.id)!.status = 'video_generated';
		sim.tasks.get(task.id)!.generated_video_url = `${sim.url}/media/${task.id}/video.mp4`;
		expect((await post(trigger.url, { ...task, status: 'video_generated' })).status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
	});

	test("a tampered video URL: the API's record is emitted, not the forged one", async () => {
		const task = sim.seedTask({
			status: 'video_generated',
			generated_video_url: 'https://cdn.creatify.example/real.mp4',
		});
		const trigger = await listen();
		await post(trigger.url, {
			...task,
			generated_video_url: 'https://evil.example.com/x.mp4',
			failed_reason: 'forged',
		});
		expect(trigger.executions[0][0].json).toMatchObject({
			generated_video_url: 'https://cdn.creatify.example/real.mp4',
			failed_reason: null,
		});
	});

	test('Creatify cannot be asked: 503, nothing unverified starts', async () => {
		const task = sim.seedTask({ status: 'video_generated' });
		sim.inject({
			path: `/api/product_to_videos/${task.id}/`,
			status: 502,
			body: {},
			headers: { 'retry-after': '0' },
			times: 5,
		});
		const trigger = await listen();
		const answer = await post(trigger.url, task);
		expect(answer).toEqual({
			status: 503,
			body: { error: 'verification_unavailable', message: expect.any(String) },
		});
		expect(trigger.executions).toHaveLength(0);
	});

	test('copies of one callback arriving together start one execution, even when each sees old static data', async () => {
		const task = sim.seedTask({ status: 'video_generated' });
		const trigger = await listen();
		const answers = await Promise.all(Array.from({ length: 5 }, () => post(trigger.url, task)));
		expect(answers.filter((a) => (a.body as { duplicate?: boolean }).duplicate !== true)).toEqual([
			{ status: 200, body: { received: true, jobId: task.id, event: 'videoReady' } },
		]);
		expect(trigger.executions).toHaveLength(1);
	});

	test('a repeat of an emitted event is answered without asking the API again', async () => {
		const task = sim.seedTask({ status: 'video_generated' });
		const trigger = await listen();
		expect((await post(trigger.url, task)).body).toEqual({
			received: true,
			jobId: task.id,
			event: 'videoReady',
		});
		expect((await post(trigger.url, task)).body).toEqual({ received: true, duplicate: true });
		expect(sim.requests).toHaveLength(1);
		expect(trigger.executions).toHaveLength(1);
	});
});

describe('deliveries that last (n8n 2.x saves static data only when it answers)', () => {
	test('an emitted delivery is saved with the workflow: after a restart its repeat starts nothing', async () => {
		const task = sim.seedTask({ status: 'video_generated' });
		const trigger = await listen();
		expect((await post(trigger.url, task)).body).toMatchObject({ jobId: task.id });
		expect(Object.keys(trigger.saved)).toEqual(['node:Creatify Trigger']);
		trigger.restart();
		expect(await post(trigger.url, task)).toEqual({
			status: 200,
			body: { received: true, duplicate: true },
		});
		expect(trigger.executions).toHaveLength(1);
	});

	test('a delivery whose execution did not start is forgotten: the next try starts it', async () => {
		const task = sim.seedTask({ status: 'video_generated' });
		const trigger = await listen();
		trigger.failStarts = true;
		expect((await post(trigger.url, task)).status).toBe(500);
		trigger.failStarts = false;
		expect((await post(trigger.url, task)).body).toMatchObject({ jobId: task.id });
		expect(trigger.executions).toHaveLength(1);
	});
});

describe('status changes (Creatify: "we might send multiple requests for status changes")', () => {
	test('a job that the API and the body both say is still working is acknowledged with 200 and starts nothing', async () => {
		const task = sim.seedTask({ status: 'video_generating' });
		const trigger = await listen();
		expect(await post(trigger.url, { id: task.id, status: 'video_generating' })).toEqual({
			status: 200,
			body: { received: true, ignored: 'status change', status: 'video_generating' },
		});
		expect(trigger.executions).toHaveLength(0);
	});

	test('with Status Changed selected: one execution per status reached, then the finished job its own', async () => {
		const task = sim.seedTask({ status: 'image_generating' });
		const trigger = await listen({ events: ['statusChanged', 'videoReady'] });
		const callback = (status: string) => post(trigger.url, { id: task.id, status });
		expect((await callback('image_generating')).body).toMatchObject({ event: 'statusChanged' });
		expect((await callback('image_generating')).body).toEqual({ received: true, duplicate: true });
		sim.tasks.get(task.id)!.status = 'video_generating';
		expect((await callback('video_generating')).body).toMatchObject({ event: 'statusChanged' });
		Object.assign(sim.tasks.get(task.id)!, { status: 'video_generated' });
		expect((await callback('video_generated')).body).toMatchObject({ event: 'videoReady' });
		expect(trigger.executions.map((e) => [e[0].json.event, e[0].json.status])).toEqual([
			['statusChanged', 'image_generating'],
			['statusChanged', 'video_generating'],
			['videoReady', 'video_generated'],
		]);
	});
});

describe('verification off', () => {
	test('the posted body is emitted as it came, marked unverified, without a credential call', async () => {
		const trigger = await listen({ verifyWithApi: false });
		const body = {
			id: '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f',
			status: 'video_generated',
			type: 'product_anyshot',
			generated_video_url: 'https://x/v.mp4',
		};
		const answer = await post(trigger.url, body);
		expect(answer).toEqual({
			status: 200,
			body: { received: true, jobId: body.id, event: 'videoReady' },
		});
		expect(trigger.executions[0][0].json).toEqual({
			...body,
			event: 'videoReady',
			jobType: 'productVideo',
			verified: false,
		});
		expect(sim.requests).toHaveLength(0);
	});

	test("a custom avatar's callback, which says process_status, not status, is read by it", async () => {
		const trigger = await listen({ verifyWithApi: false });
		const body = { id: randomUUID(), process_status: 'done', creator_name: 'James', gender: 'm' };
		expect((await post(trigger.url, body)).body).toEqual({
			received: true,
			jobId: body.id,
			event: 'avatarReady',
		});
		expect(trigger.executions[0][0].json).toMatchObject({ jobType: 'avatar', verified: false });
	});

	test.each([
		['version 2, no Content-Type (n8n leaves the body unread)', 2, null],
		['version 2, JSON', 2, 'application/json'],
		['version 1, no Content-Type (n8n reads every body)', 1, null],
	])('a callback reaches the trigger: %s', async (_title, typeVersion, contentType) => {
		const trigger = await listen({ verifyWithApi: false }, typeVersion);
		const id = randomUUID(); // a job of its own: the trigger remembers deliveries across tests
		// fetch sends a string body as text/plain unless told: a Buffer goes without a Content-Type
		const response = await fetch(trigger.url, {
			method: 'POST',
			headers: contentType ? { 'content-type': contentType } : {},
			body: Buffer.from(JSON.stringify({ id, status: 'video_generated' })),
		});
		expect(await response.json()).toEqual({ received: true, jobId: id, event: 'videoReady' });
		expect(trigger.executions).toHaveLength(1);
	});

	test('a body larger than a job record is refused unread to its end', async () => {
		const trigger = await listen({ verifyWithApi: false }, 2);
		const response = await fetch(trigger.url, {
			method: 'POST',
			body: Buffer.alloc(200 * 1024, 32),
		});
		expect(response.status).toBe(413);
		expect(trigger.executions).toHaveLength(0);
	});

	test('events not selected, and unfinished statuses, start nothing', async () => {
		const trigger = await listen({ verifyWithApi: false });
		const id = '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f';
		expect(await post(trigger.url, { id, status: 'image_generated' })).toEqual({
			status: 200,
			body: { received: true, ignored: 'not selected in the trigger' },
		});
		// a job that says it still works is a status change, acknowledged
		expect(await post(trigger.url, { id, status: 'video_generating' })).toEqual({
			status: 200,
			body: { received: true, ignored: 'status change', status: 'video_generating' },
		});
		expect(trigger.executions).toHaveLength(0);
	});
});
