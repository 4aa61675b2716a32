/**
 * The paid follow-up of Create Video (gen_video once the image is done) in callback mode, when Creatify calls
 * back more than once: at most one request per task in a process, whatever the timing, and a refusal because
 * the video already started never turns the item into an error.
 */
import type { INodeParameters } from 'n8n-workflow';

import { useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';
import { WaitingWebhooks } from '../harness/waiting';

const { sim, credentials } = useSimulator({ imageMs: 80, videoMs: 120 });
const waitingWebhooks = new WaitingWebhooks();
beforeAll(async () => {
	await waitingWebhooks.start();
});
afterAll(async () => {
	await waitingWebhooks.stop();
});
beforeEach(async () => {
	// late callbacks of an earlier test must not take this test's faults
	await sim.settleWebhooks();
	sim.reset({ imageMs: 80, videoMs: 120 });
});

const createVideo: INodeParameters = {
	operation: 'createVideo',
	productUrl: '={{ $json.url }}',
	motionStyle: 'talking',
	waitMode: 'callback',
};
const rows = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ url: `https://shop.example.com/dup/${i}.png` }));

async function runUntilResumed(items: object[]) {
	const started = await runCreatify({
		parameters: createVideo,
		items: items as never,
		credentials: credentials(),
		waitingBaseUrl: waitingWebhooks.baseUrl,
	});
	expect(started.run.status).toBe('waiting');
	return await waitingWebhooks.track(started, credentials());
}

/** gen_video attempts per task ID, whatever Creatify answered. */
function videoRequestsPerTask(): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const request of sim.paidAttempts('gen_video')) {
		const id = request.path.split('/')[3];
		counts[id] = (counts[id] ?? 0) + 1;
	}
	return counts;
}

test('two copies of each image callback at the same moment, gen_video answering in 1.5 s: one request per task', async () => {
	sim.webhook = { copies: 2 };
	sim.inject({ method: 'POST', path: /gen_video\/$/, delayMs: 1500, times: 10 });
	const { items, error } = await runUntilResumed(rows(3));
	expect(error).toBeUndefined();
	expect(items.map((i) => [i.json.status, failureOf(i)?.message])).toEqual([
		['video_generated', undefined],
		['video_generated', undefined],
		['video_generated', undefined],
	]);
	const perTask = videoRequestsPerTask();
	expect(Object.keys(perTask).sort()).toEqual(items.map((i) => String(i.json.id)).sort());
	expect(Object.values(perTask)).toEqual([1, 1, 1]);
	expect(sim.credits).toBe(1000 - 4 * 3);
	// both copies of each image callback reached the node
	const imageCopies = sim.webhookDeliveries.filter((d) => d.status === 'image_generated');
	expect(imageCopies).toHaveLength(6);
});

test('gen_video refused because the video already started elsewhere: the item keeps waiting and finishes', async () => {
	// Creatify starts the video, then answers as it would to a second request (another n8n process was first)
	sim.inject({
		method: 'POST',
		path: /gen_video\/$/,
		processFirst: true,
		status: 400,
		body: [
			'Task status is "video_generating"; a video can only be generated from status "image_generated".',
		],
	});
	// one item: a refusal taken for a failure would settle the last waiting item and resume at once
	const { items } = await runUntilResumed(rows(1));
	expect(items.map((i) => [i.json.status, failureOf(i)?.message])).toEqual([
		['video_generated', undefined],
	]);
	expect(Object.values(videoRequestsPerTask())).toEqual([1]);
});

test('a gen_video that really fails is reported, and a second copy of the callback does not pay again', async () => {
	sim.webhook = { copies: 2 };
	sim.inject({
		method: 'POST',
		path: /gen_video\/$/,
		status: 400,
		body: { detail: 'Insufficient credits: this request needs 3 credits, 0 remaining.' },
	});
	const { items } = await runUntilResumed(rows(2));
	const failed = items.filter((i) => failureOf(i)?.message !== undefined);
	expect(failed).toHaveLength(1);
	expect(failureOf(failed[0])?.message).toMatch(/^Not enough Creatify credits for task /);
	expect(items.filter((i) => i.json.status === 'video_generated')).toHaveLength(1);
	expect(Object.values(videoRequestsPerTask())).toEqual([1, 1]);
});
