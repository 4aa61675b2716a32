/**
 * Benchmark of waiting for renders, against the local Creatify simulator, through n8n-core's real engine:
 *   npm run bench
 * Prints (1) wall time of 100 items through Create Video (poll) against the ideal and against sequential
 * processing, (2) status calls per task, (3) the same 100 items with Wait for Creatify Callback (the execution
 * suspended and resumed by the simulator's callbacks, as n8n's waiting webhooks do), (4) peak RSS added by a
 * 1 GiB video streamed into n8n's filesystem binary data store, against buffering the same file in memory,
 * (3b) 1,000 items in callback mode, with status reads per callback,
 * (5) 100 URL to Video items (page → link → video, poll) against their ideal, with status calls per video,
 * (6) peak RSS added by a 1 GiB audio file uploaded from the binary store to Aurora, against reading it whole,
 * (7) 100 AI Avatar videos (poll, then Wait for Creatify Callback) against their ideal, with status reads.
 * Loopback only; bounded in count and time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const storage = mkdtempSync(join(tmpdir(), 'creatify-bench-'));
process.env.N8N_USER_FOLDER = storage;
process.env.N8N_ENCRYPTION_KEY = 'bench-encryption-key';
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
process.env.N8N_BINARY_DATA_STORAGE_PATH = join(storage, 'binaryData');

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import type { INodeParameters } from 'n8n-workflow';

import { peakRssGrowthMb } from '../test/harness/memory';
import { runCreatify, stopN8nServices } from '../test/harness/n8n';
import { WaitingWebhooks } from '../test/harness/waiting';
import { PERSONAS } from '../test/simulator/personas';
import { CreatifySimulator } from '../test/simulator/server';
import { VOICES } from '../test/simulator/urlToVideo';

const ITEMS = 100;
const SEQUENTIAL_SAMPLE = 3;
const IMAGE_MS = 4000;
const VIDEO_MS = 6000;
const LATENCY_MS = 150; // per generation request
const CONCURRENCY = 5;
const GIB = 1024 * 1024 * 1024;

const sim = new CreatifySimulator({ imageMs: IMAGE_MS, videoMs: VIDEO_MS, credits: 100_000 });
const credentials = () => ({ apiId: sim.apiId, apiKey: sim.apiKey, baseUrl: sim.url });
const waitingWebhooks = new WaitingWebhooks();
const pollOptions = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 5, concurrency: CONCURRENCY };

function slowGenerationRequests(count: number) {
	sim.inject({ method: 'POST', path: /gen_(image|video)\/$/, delayMs: LATENCY_MS, times: count });
}

/** Seconds for one execution of `count` items whose jobs must all end with `doneStatus`. */
async function timedRun(parameters: INodeParameters, count: number, doneStatus: string) {
	const started = Date.now();
	const { items, error } = await runCreatify({
		parameters,
		items: Array.from({ length: count }, (_, i) => ({ url: `https://shop.example.com/p/${i}` })),
		credentials: credentials(),
	});
	if (error || items.some((i) => i.json.status !== doneStatus))
		throw new Error(`run failed: ${error?.message}`);
	return (Date.now() - started) / 1000;
}

const createVideos = (count: number) =>
	timedRun(
		{ operation: 'createVideo', productUrl: '={{ $json.url + ".png" }}', options: pollOptions },
		count,
		'video_generated',
	);

/** URL to Video: each page becomes a link, then a video; one render as long as Product Video's two steps. */
const createVideoAds = (count: number) =>
	timedRun(
		{
			resource: 'urlToVideo',
			operation: 'createFromUrl',
			url: '={{ $json.url }}',
			options: { ...pollOptions, download: 'none' },
		},
		count,
		'done',
	);

/**
 * One execution in Wait for Creatify Callback, from the start of the run to the end of the resumed one; every job
 * must end `doneStatus`. `reads` counts the status reads of the family's jobs.
 */
async function runByCallback(
	parameters: INodeParameters,
	count: number,
	doneStatus: string,
	reads: () => number,
) {
	const started = Date.now();
	const waiting = await runCreatify({
		// callback mode itself, at every size: without the limit above which the node polls instead
		parameters: {
			...parameters,
			waitMode: 'callback',
			options: { ...(parameters.options as object), callbackItemLimit: 0 },
		},
		items: Array.from({ length: count }, (_, i) => ({
			url: `https://shop.example.com/c/${i}.png`,
		})),
		credentials: credentials(),
		waitingBaseUrl: waitingWebhooks.baseUrl,
	});
	if (waiting.run.status !== 'waiting') throw new Error(`not waiting: ${waiting.error?.message}`);
	const readsBeforeWait = reads();
	const answeredBefore = waitingWebhooks.answers.length;
	const { items, error } = await waitingWebhooks.track(waiting, credentials());
	if (error || items.some((i) => i.json.status !== doneStatus)) {
		throw new Error(`callback run failed: ${error?.message}`);
	}
	const whileWaiting = waitingWebhooks.answers
		.slice(answeredBefore)
		.filter((a) => a.status === 200).length;
	return {
		seconds: (Date.now() - started) / 1000,
		readsPerCallback: (reads() - readsBeforeWait) / Math.max(1, whileWaiting),
		whileWaiting,
	};
}

/** Create Video with Wait for Creatify Callback. */
const createVideosByCallback = (count: number) =>
	runByCallback(
		{
			operation: 'createVideo',
			productUrl: '={{ $json.url }}',
			options: { concurrency: CONCURRENCY },
		},
		count,
		'video_generated',
		() => statusCalls().length,
	);

/** AI Avatar Create Video: one scene per item, as long as Product Video's two renders together. */
const avatarVideo: INodeParameters = {
	resource: 'aiAvatar',
	operation: 'createVideo',
	script: '={{ "Meet the product at " + $json.url }}',
	avatar: { __rl: true, mode: 'id', value: PERSONAS[0].id },
	voice: { __rl: true, mode: 'id', value: VOICES[0].accents[0].id },
	options: { ...pollOptions, download: 'none' },
};

/** 100 AI Avatar videos polled, then waiting for callbacks: each against its ideal, with status reads. */
async function avatarRows(): Promise<string[][]> {
	const avatarReads = () =>
		sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/lipsyncs_v2/')).length;
	const slowCreates = () =>
		sim.inject({
			method: 'POST',
			path: /^\/api\/lipsyncs_v2\/$/,
			delayMs: LATENCY_MS,
			times: ITEMS,
		});
	const ideal = (IMAGE_MS + VIDEO_MS) / 1000 + (ITEMS * LATENCY_MS) / CONCURRENCY / 1000;
	sim.reset({ videoMs: IMAGE_MS + VIDEO_MS, credits: 100_000 });
	slowCreates();
	const polled = await timedRun(avatarVideo, ITEMS, 'done');
	const polledReads = avatarReads();
	sim.reset({ videoMs: IMAGE_MS + VIDEO_MS, credits: 100_000 });
	slowCreates();
	const called = await runByCallback(avatarVideo, ITEMS, 'done', avatarReads);
	await sim.settleWebhooks();
	return [
		[
			'100 items, AI Avatar Create Video (poll), one execution',
			`${polled.toFixed(1)} s`,
			`ideal ${ideal.toFixed(1)} s (render + requests at the cap); measured/ideal ${(polled / ideal).toFixed(2)}; ${(polledReads / ITEMS).toFixed(3)} status reads per video`,
		],
		[
			'100 items, AI Avatar Create Video (Wait for Creatify Callback), one execution',
			`${called.seconds.toFixed(1)} s`,
			`measured/ideal ${(called.seconds / ideal).toFixed(2)}; ${(avatarReads() / ITEMS).toFixed(3)} status reads per video, ${called.readsPerCallback.toFixed(2)} per callback`,
		],
	];
}

/** Status reads of Product Video tasks (list and single), the free calls waiting costs. */
const statusCalls = () =>
	sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/product_to_videos/'));

/** Peak RSS added while `work` runs, in MB. */
async function peakRssDuring(work: () => Promise<void>): Promise<number> {
	return (await peakRssGrowthMb(work)).grewMb;
}

/** 4. memory: 1 GiB streamed into the binary store vs buffered in memory. */
async function downloadMemoryRows(): Promise<string[][]> {
	const rows: string[][] = [];
	sim.reset({ imageMs: 100, videoMs: 100, videoBytes: GIB, credits: 100_000 });
	const task = sim.seedTask({
		status: 'video_generated',
		generated_video_url: `${sim.url}/media/x/video.mp4`,
	});
	task.generated_video_url = `${sim.url}/media/${task.id}/video.mp4`;
	const streamedMb = await peakRssDuring(async () => {
		const seeded = sim.seedTask();
		const { items, error } = await runCreatify({
			parameters: {
				operation: 'generateVideo',
				taskId: { __rl: true, mode: 'id', value: seeded.id },
				waitMode: 'poll',
				options: { ...pollOptions, download: 'video' },
			},
			credentials: credentials(),
		});
		if (error || !items[0].binary?.data) throw new Error(`download failed: ${error?.message}`);
	});
	const bufferedMb = await peakRssDuring(async () => {
		const body = await (await fetch(task.generated_video_url!)).arrayBuffer();
		if (body.byteLength !== GIB) throw new Error('short read');
	});
	rows.push([
		'peak RSS added, 1 GiB video streamed to the filesystem binary store',
		`${streamedMb.toFixed(0)} MB`,
		`${((streamedMb / 1024) * 100).toFixed(1)}% of the file`,
	]);
	rows.push([
		'peak RSS added, the same file buffered in memory (baseline)',
		`${bufferedMb.toFixed(0)} MB`,
		`streamed/buffered ${(streamedMb / bufferedMb).toFixed(3)}`,
	]);

	return rows;
}

/**
 * 5. memory: a 1 GiB audio file from the binary store uploaded to Aurora as a multipart file, vs reading the same
 * file into memory first.
 */
async function uploadMemoryRows(): Promise<string[][]> {
	sim.reset({ videoMs: 100, imageBytes: GIB, credits: 1_000_000 });
	const speech = await runCreatify({
		parameters: {
			resource: 'textToSpeech',
			script: 'A long read.',
			options: { ...pollOptions, download: 'audio' },
		},
		credentials: credentials(),
	});
	const audio = speech.items[0]?.binary?.data;
	if (!audio?.id) throw new Error(`audio download failed: ${speech.error?.message}`);
	const uploadedMb = await peakRssDuring(async () => {
		const { error } = await runCreatify({
			parameters: {
				resource: 'aurora',
				imageUrl: 'https://cdn.example.com/presenter.png',
				audioSource: 'binary',
				audioBinaryProperty: 'data',
				waitMode: 'none',
			},
			items: speech.items,
			credentials: credentials(),
		});
		const sent = sim.paidAttempts('aurora')[0]?.body as { audio?: { size?: number } } | undefined;
		if (error || sent?.audio?.size !== GIB) throw new Error(`upload failed: ${error?.message}`);
	});
	const bufferedMb = await peakRssDuring(async () => {
		const bytes = await Container.get(BinaryDataService).getAsBuffer(audio);
		if (bytes.length !== GIB) throw new Error('short read');
	});
	return [
		[
			'peak RSS added, 1 GiB audio uploaded to Aurora from the filesystem binary store',
			`${uploadedMb.toFixed(0)} MB`,
			`${((uploadedMb / 1024) * 100).toFixed(1)}% of the file`,
		],
		[
			'peak RSS added, the same file read into memory (baseline)',
			`${bufferedMb.toFixed(0)} MB`,
			`uploaded/buffered ${(uploadedMb / bufferedMb).toFixed(3)}`,
		],
	];
}

async function main() {
	await sim.start();
	await waitingWebhooks.start();
	await Container.get(BinaryDataService).init();
	const rows: string[][] = [];

	// 1. wall time: 100 items in one execution
	sim.reset({ imageMs: IMAGE_MS, videoMs: VIDEO_MS, credits: 100_000 });
	slowGenerationRequests(ITEMS * 2);
	const batched = await createVideos(ITEMS);
	const listCalls = sim.requests.filter(
		(r) => r.method === 'GET' && r.path === '/api/product_to_videos/',
	);
	const submitSeconds = (ITEMS * LATENCY_MS) / CONCURRENCY / 1000;
	const ideal = (IMAGE_MS + VIDEO_MS) / 1000 + submitSeconds;

	// sequential baseline: one item per execution, one after the other (measured on a sample, scaled)
	sim.reset({ imageMs: IMAGE_MS, videoMs: VIDEO_MS, credits: 100_000 });
	slowGenerationRequests(SEQUENTIAL_SAMPLE * 2);
	let sequentialSample = 0;
	for (let i = 0; i < SEQUENTIAL_SAMPLE; i++) sequentialSample += await createVideos(1);
	const sequential = (sequentialSample / SEQUENTIAL_SAMPLE) * ITEMS;

	rows.push(['100 items, Create Video (poll), one execution', `${batched.toFixed(1)} s`]);
	rows.push([
		'ideal (render time + submissions at the concurrency cap)',
		`${ideal.toFixed(1)} s`,
		`measured/ideal ${(batched / ideal).toFixed(2)}`,
	]);
	rows.push([
		`sequential, one item at a time (${SEQUENTIAL_SAMPLE} measured, scaled to ${ITEMS})`,
		`${sequential.toFixed(0)} s`,
		`speed-up ${(sequential / batched).toFixed(1)}x`,
	]);
	rows.push([
		'status calls per task',
		(listCalls.length / ITEMS).toFixed(3),
		`${listCalls.length} list calls of up to 100 IDs`,
	]);

	// 2. the same items, waiting for Creatify's callbacks instead of polling
	sim.reset({ imageMs: IMAGE_MS, videoMs: VIDEO_MS, credits: 100_000 });
	slowGenerationRequests(ITEMS * 2);
	const { seconds: byCallback } = await createVideosByCallback(ITEMS);
	await sim.settleWebhooks();
	const callbackReads = statusCalls().length;
	rows.push([
		'100 items, Create Video (Wait for Creatify Callback), one execution',
		`${byCallback.toFixed(1)} s`,
		`measured/ideal ${(byCallback / ideal).toFixed(2)}`,
	]);
	rows.push([
		'status calls per task, callback mode',
		(callbackReads / ITEMS).toFixed(3),
		`${callbackReads} list calls: one check before suspending, then one per callback (${sim.webhookDeliveries.length} callbacks)`,
	]);

	// 2b. callback mode at ten times the batch: a callback should still cost about one status read
	const LARGE = 1000;
	sim.reset({ imageMs: IMAGE_MS, videoMs: VIDEO_MS, credits: 100_000 });
	slowGenerationRequests(LARGE * 2);
	const large = await createVideosByCallback(LARGE);
	await sim.settleWebhooks();
	// n8n refuses callbacks until the execution waits: the node's catch-up checks cover the jobs they were about
	const idealAtLarge = (IMAGE_MS + VIDEO_MS) / 1000 + (2 * LARGE * LATENCY_MS) / CONCURRENCY / 1000;
	rows.push([
		`${LARGE} items, Create Video (Wait for Creatify Callback), one execution`,
		`${large.seconds.toFixed(1)} s`,
		`measured/ideal ${(large.seconds / idealAtLarge).toFixed(2)} (ideal ${idealAtLarge.toFixed(1)} s: renders + every image and video request at the cap)`,
	]);
	rows.push([
		`status reads per callback while waiting, ${LARGE} items`,
		large.readsPerCallback.toFixed(2),
		`${large.whileWaiting} callbacks answered while the execution waited (the others came before: n8n refuses them, the catch-up checks cover them)`,
	]);

	// 3. URL to Video: the same 100 items as product pages; two requests per item (link, video), one render
	sim.reset({ videoMs: IMAGE_MS + VIDEO_MS, credits: 100_000 });
	sim.inject({
		method: 'POST',
		path: /^\/api\/(links|link_to_videos)\/$/,
		delayMs: LATENCY_MS,
		times: ITEMS * 2,
	});
	const ads = await createVideoAds(ITEMS);
	const adReads = sim.requests.filter(
		(r) => r.method === 'GET' && r.path.startsWith('/api/link_to_videos/'),
	);
	const adIdeal = (IMAGE_MS + VIDEO_MS) / 1000 + (2 * ITEMS * LATENCY_MS) / CONCURRENCY / 1000;
	rows.push([
		'100 items, URL to Video Create Video From URL (poll), one execution',
		`${ads.toFixed(1)} s`,
		`ideal ${adIdeal.toFixed(1)} s (render + link and video requests at the cap); measured/ideal ${(ads / adIdeal).toFixed(2)}`,
	]);
	rows.push([
		'status calls per video, URL to Video (poll)',
		(adReads.length / ITEMS).toFixed(3),
		`${adReads.length} list calls of up to 100 IDs`,
	]);

	rows.push(...(await avatarRows()));
	rows.push(...(await downloadMemoryRows()), ...(await uploadMemoryRows()));

	console.log(
		`\nCreatify wait benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, image ${IMAGE_MS / 1000} s + video ${VIDEO_MS / 1000} s per render, ${LATENCY_MS} ms per generation request, concurrency ${CONCURRENCY})\n`,
	);
	console.log('| measure | value | comparison |\n|---|---|---|');
	for (const [measure, value, comparison = ''] of rows)
		console.log(`| ${measure} | ${value} | ${comparison} |`);
}

main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(async () => {
		await sim.stop();
		await waitingWebhooks.stop();
		stopN8nServices();
		rmSync(storage, { recursive: true, force: true });
	});
