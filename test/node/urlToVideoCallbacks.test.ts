/**
 * URL to Video's callbacks: the Create Video From URL execution suspended until Creatify calls back, and the
 * Creatify Trigger receiving link_to_videos callbacks (a subset of the record) beside Product Video's.
 */
import type { INodeParameters } from 'n8n-workflow';

import { FAMILIES } from '../../nodes/shared/families';
import type { JobFamily } from '../../nodes/shared/families/types';
import { rl, useSimulator } from '../harness/fixture';
import { runCreatify } from '../harness/n8n';
import { WaitingWebhooks } from '../harness/waiting';
import { TriggerHarness } from '../harness/webhook';

const { sim, credentials } = useSimulator({ imageMs: 40, videoMs: 80 });
const PAGE = 'https://shop.example.com/products/bottle';

const waitingWebhooks = new WaitingWebhooks();
beforeAll(async () => {
	await waitingWebhooks.start();
});
afterAll(async () => {
	await waitingWebhooks.stop();
});

const triggers: TriggerHarness[] = [];
async function listen(parameters: INodeParameters = {}) {
	const trigger = new TriggerHarness(parameters, credentials());
	triggers.push(trigger);
	await trigger.start();
	return trigger;
}
afterEach(async () => {
	await Promise.all(triggers.splice(0).map((t) => t.stop()));
});

/** Create Video From URL with Creatify calling `webhookUrl` (a trigger) when each video ends. */
async function videosCallingBack(webhookUrl: string, scripts: string[]) {
	const { items } = await runCreatify({
		parameters: {
			resource: 'urlToVideo',
			url: PAGE,
			waitMode: 'none',
			options: { webhookUrl, overrideScript: '={{ $json.script }}' },
		},
		items: scripts.map((script) => ({ script })),
		credentials: credentials(),
	});
	const ids = items.map((item) => item.json.id as string);
	for (const id of ids) await sim.waitForStatus(id, ['done', 'failed', 'rejected']);
	await sim.settleWebhooks();
	return ids;
}

test('Create Video From URL in callback mode suspends, then resumes with the finished videos', async () => {
	const started = await runCreatify({
		parameters: { resource: 'urlToVideo', url: '={{ $json.url }}', waitMode: 'callback' },
		items: [{ url: PAGE }, { url: `${PAGE}-2` }],
		credentials: credentials(),
		waitingBaseUrl: waitingWebhooks.baseUrl,
	});
	expect(started.error).toBeUndefined();
	expect(started.run.status).toBe('waiting');
	const callbackUrl = `${waitingWebhooks.baseUrl}/${started.executionId}/a1b2c3d4-0000-4000-8000-000000000001`;
	expect(
		sim.paidAttempts('link_to_videos').map((r) => (r.body as { webhook_url: string }).webhook_url),
	).toEqual([callbackUrl, callbackUrl]);
	const { items, error, run } = await waitingWebhooks.track(started, credentials());
	expect(error).toBeUndefined();
	expect(run.status).toBe('success');
	expect(items.map((i) => [i.json.status, i.pairedItem])).toEqual([
		['done', { item: 0 }],
		['done', { item: 1 }],
	]);
	expect(items[0].json.video_output).toMatch(/video\.mp4$/);
	expect(sim.paidAttempts('link_to_videos')).toHaveLength(2);
});

async function post(url: string, body: unknown) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as unknown };
}

/** A finished URL to Video video, made without a webhook (its callback is posted by the test). */
async function doneVideo(script = 'fine') {
	const { items } = await runCreatify({
		parameters: {
			resource: 'urlToVideo',
			url: PAGE,
			waitMode: 'none',
			options: { overrideScript: script },
		},
		credentials: credentials(),
	});
	return await sim.waitForStatus(items[0].json.id as string, ['done', 'failed', 'rejected']);
}

/** The documented callback body of a URL to Video video. */
function callbackOf(video: Record<string, unknown>) {
	const { id, status, failed_reason, video_output, video_thumbnail } = video;
	return { id, status, failed_reason, video_output, video_thumbnail };
}

describe('Creatify Trigger with URL to Video callbacks', () => {
	test('a done video starts one verified execution that says its job type, even when delivered 3 times', async () => {
		sim.webhook = { copies: 3 };
		const trigger = await listen();
		const [id] = await videosCallingBack(trigger.url, ['fine']);
		expect(
			sim.webhookDeliveries.filter((d) => d.taskId === id).map((d) => [d.status, d.responseStatus]),
		).toEqual([
			['done', 200],
			['done', 200],
			['done', 200],
		]);
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0][0].json).toMatchObject({
			id,
			status: 'done',
			event: 'videoReady',
			jobType: 'urlToVideo',
			verified: true,
			video_output: `${sim.url}/media/${id}/video.mp4`,
		});
		// the verified record is the full one, not the callback's subset
		expect(trigger.executions[0][0].json.credits_used).toBe(5);
		expect(sim.requests.some((r) => r.path === `/api/link_to_videos/${id}/`)).toBe(true);
	});

	test('failed and rejected videos are "failed" events with their reasons', async () => {
		const trigger = await listen({ events: ['failed'] });
		const ids = await videosCallingBack(trigger.url, ['fine', 'fail-video', 'reject-video']);
		expect(
			trigger.executions.map((e) => [e[0].json.id, e[0].json.status, e[0].json.event]).sort(),
		).toEqual(
			[
				[ids[1], 'failed', 'failed'],
				[ids[2], 'rejected', 'failed'],
			].sort(),
		);
		expect(trigger.executions.every((e) => typeof e[0].json.failed_reason === 'string')).toBe(true);
	});

	test('Job Types: a URL to Video callback is verified, then ignored by a Product Video trigger', async () => {
		const trigger = await listen({ jobTypes: ['productVideo'] });
		const video = await doneVideo();
		expect(await post(trigger.url, callbackOf(video))).toEqual({
			status: 200,
			body: { received: true, ignored: 'not selected in the trigger' },
		});
		expect(trigger.executions).toHaveLength(0);
		expect(sim.requests.some((r) => r.path === `/api/link_to_videos/${video.id}/`)).toBe(true);
	});

	test('Job Types naming only kinds this version does not know means all', async () => {
		const trigger = await listen({ jobTypes: ['someFutureKind'] });
		const video = await doneVideo();
		expect((await post(trigger.url, callbackOf(video))).status).toBe(200);
		expect(trigger.executions.map((e) => e[0].json.jobType)).toEqual(['urlToVideo']);
	});

	test('a family that cannot be asked does not stop the others: a failed video is still verified', async () => {
		const trigger = await listen();
		const video = await doneVideo('fail-video');
		// a bare {id, status} is asked of the families with the smallest callbacks first (Text to Speech is one);
		// that lookup fails, and the others are still asked until URL to Video has the job
		sim.inject({ method: 'GET', path: /^\/api\/text_to_speech\//, status: 403, times: 10 });
		const answer = await post(trigger.url, { id: video.id, status: 'failed' });
		expect(answer.status).toBe(200);
		expect(trigger.executions.map((e) => [e[0].json.id, e[0].json.event])).toEqual([
			[video.id, 'failed'],
		]);
		const asked = sim.requests.filter((r) => r.path.endsWith(`/${video.id}/`)).map((r) => r.path);
		expect(asked[0]).toBe(`/api/text_to_speech/${video.id}/`);
		expect(asked.at(-1)).toBe(`/api/link_to_videos/${video.id}/`);
	});

	test('a forged callback for a job no family has is refused with 404 after asking each family', async () => {
		const trigger = await listen();
		const id = '0b9e2c4a-1d3f-4e6a-9b8c-7d6e5f4a3b2c';
		const response = await fetch(trigger.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ id, status: 'done', video_output: 'https://evil.example.com/x.mp4' }),
		});
		expect(response.status).toBe(404);
		expect(trigger.executions).toHaveLength(0);
		const asked = sim.requests.filter((r) => r.path.endsWith(`/${id}/`)).map((r) => r.path);
		// every family asked once, in order of fit: the body {id, status, video_output} is a voice-over's callback
		expect(asked[0]).toBe(`/api/text_to_speech/${id}/`);
		expect([...asked].sort()).toEqual(
			FAMILIES.map((family: JobFamily) => `/api/${family.path.join('/')}/${id}/`).sort(),
		);
	});

	test('Product Video callbacks still start their executions beside URL to Video ones', async () => {
		const trigger = await listen();
		const image = await runCreatify({
			parameters: {
				operation: 'generateImage',
				productUrl: 'https://shop.example.com/images/bottle.png',
				options: { webhookUrl: trigger.url },
			},
			credentials: credentials(),
		});
		const taskId = image.items[0].json.id as string;
		await sim.waitForStatus(taskId, ['image_generated']);
		await runCreatify({
			parameters: {
				operation: 'generateVideo',
				taskId: rl(taskId),
				options: { webhookUrl: trigger.url },
			},
			credentials: credentials(),
		});
		await sim.waitForStatus(taskId, ['video_generated']);
		const [videoId] = await videosCallingBack(trigger.url, ['fine']);
		expect(trigger.executions.map((e) => [e[0].json.id, e[0].json.jobType])).toEqual([
			[taskId, 'productVideo'],
			[videoId, 'urlToVideo'],
		]);
	});
});
