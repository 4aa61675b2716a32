/**
 * Download Result: files are streamed into n8n's binary data store, here n8n-core's BinaryDataService in
 * filesystem mode (as N8N_DEFAULT_BINARY_DATA_MODE=filesystem configures it in n8n).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const storage = mkdtempSync(join(tmpdir(), 'creatify-binary-'));
const savedEnv = { ...process.env };
process.env.N8N_USER_FOLDER = storage;
process.env.N8N_ENCRYPTION_KEY = 'test-encryption-key';
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
process.env.N8N_BINARY_DATA_STORAGE_PATH = join(storage, 'binaryData');

import { Container } from '@n8n/di';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';
import { BinaryDataService } from 'n8n-core';

import { rl, useSimulator } from '../harness/fixture';
import { peakRssGrowthMb } from '../harness/memory';
import { failureOf, runCreatify } from '../harness/n8n';
import { WaitingWebhooks } from '../harness/waiting';

const { sim, credentials } = useSimulator({ imageMs: 100, videoMs: 150 });
const IMAGE = 'https://shop.example.com/images/bottle.png';
const POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };
const waitingWebhooks = new WaitingWebhooks();

beforeAll(async () => {
	await Container.get(BinaryDataService).init();
	await waitingWebhooks.start();
});
afterAll(async () => {
	await waitingWebhooks.stop();
	rmSync(storage, { recursive: true, force: true });
	process.env = savedEnv;
});

/** A voice-over of `bytes` downloaded into the filesystem binary store: the items carrying its audio as "data". */
async function storedVoiceOver(bytes: number) {
	sim.reset({ imageMs: 100, videoMs: 150, imageBytes: bytes, credits: 100_000 });
	const speech = await runCreatify({
		parameters: { resource: 'textToSpeech', script: 'Hi', options: { ...POLL, download: 'audio' } },
		credentials: credentials(),
	});
	const audio = speech.items[0].binary!.data;
	expect(audio.id).toMatch(/^filesystem/);
	expect(storedBytes(audio)).toBe(bytes);
	return speech.items;
}

/** Aurora with the items' audio uploaded from their binary field "data". */
const uploadAudio = (items: INodeExecutionData[]) =>
	runCreatify({
		parameters: {
			resource: 'aurora',
			imageUrl: IMAGE,
			audioSource: 'binary',
			audioBinaryProperty: 'data',
			waitMode: 'none',
		},
		items,
		credentials: credentials(),
	});

function storedBytes(binary: IBinaryData): number {
	const path = join(
		process.env.N8N_BINARY_DATA_STORAGE_PATH!,
		binary.id!.replace(/^filesystem(-v2)?:/, ''),
	);
	return statSync(path).size;
}

test('Create Video with video and preview image attached as files', async () => {
	sim.reset({ imageMs: 100, videoMs: 150, videoBytes: 3 * 1024 * 1024, imageBytes: 5000 });
	const { items, error } = await runCreatify({
		parameters: {
			operation: 'createVideo',
			productUrl: IMAGE,
			options: { ...POLL, download: 'all', binaryProperty: 'file' },
		},
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	const { file, file_preview: preview } = items[0].binary!;
	const id = items[0].json.id;
	expect(file).toMatchObject({
		mimeType: 'video/mp4',
		fileName: `${id}.mp4`,
		fileExtension: 'mp4',
	});
	expect(preview).toMatchObject({ mimeType: 'image/png', fileName: `${id}-preview.png` });
	expect(file.id).toMatch(/^filesystem/);
	expect(storedBytes(file)).toBe(3 * 1024 * 1024);
	expect(storedBytes(preview)).toBe(5000);
	const head = await Container.get(BinaryDataService).getAsBuffer(file);
	expect(head.subarray(4, 8).toString()).toBe('ftyp');
});

test('a 200 MB video is streamed to disk with bounded memory', async () => {
	const size = 200 * 1024 * 1024;
	sim.reset({ imageMs: 100, videoMs: 150, videoBytes: size });
	const task = sim.seedTask();
	const {
		result: { items, error },
		grewMb,
	} = await peakRssGrowthMb(() =>
		runCreatify({
			parameters: {
				operation: 'generateVideo',
				taskId: rl(task.id),
				waitMode: 'poll',
				options: { ...POLL, download: 'video' },
			},
			credentials: credentials(),
		}),
	);
	expect(error).toBeUndefined();
	expect(storedBytes(items[0].binary!.data)).toBe(size);
	console.log(`200 MB download: peak RSS grew by ${grewMb.toFixed(1)} MB`);
	// buffering the file would add at least its size; streaming stays far below it
	expect(grewMb).toBeLessThan(100);
}, 60_000);

test('an audio file from the binary store is streamed to Aurora as an upload, with bounded memory', async () => {
	const size = 200 * 1024 * 1024;
	const voiceOver = await storedVoiceOver(size);
	const {
		result: { items, error },
		grewMb,
	} = await peakRssGrowthMb(() => uploadAudio(voiceOver));
	expect(error).toBeUndefined();
	const sent = sim.paidAttempts('aurora')[0].body as Record<string, { size: number; head: string }>;
	expect(sent.audio).toMatchObject({ size, head: expect.stringMatching(/^ID3/) });
	expect(items[0].json.status).toBe('pending');
	console.log(`200 MB upload: peak RSS grew by ${grewMb.toFixed(1)} MB`);
	// reading the file whole would add at least its size; streaming stays far below it
	expect(grewMb).toBeLessThan(100);
}, 60_000);

test('an upload refused with 429 is sent again with the file read anew from the binary store', async () => {
	const voiceOver = await storedVoiceOver(300_000);
	sim.inject({
		method: 'POST',
		path: '/api/aurora/',
		status: 429,
		headers: { 'retry-after': '0' },
	});
	const { error } = await uploadAudio(voiceOver);
	expect(error).toBeUndefined();
	const sent = sim.paidAttempts('aurora').map((r) => (r.body as Record<string, unknown>).audio);
	expect(sent).toEqual([
		expect.objectContaining({ size: 300_000, head: expect.stringMatching(/^ID3/) }),
		expect.objectContaining({ size: 300_000, head: expect.stringMatching(/^ID3/) }),
	]);
});

test('an expired link: the error names the task and the URL; with Continue On Fail the item says so', async () => {
	sim.mediaExpired = true;
	const parameters = {
		operation: 'createVideo',
		productUrl: IMAGE,
		options: { ...POLL, download: 'video' },
	};
	const failed = await runCreatify({ parameters, credentials: credentials() });
	const id = [...sim.tasks.keys()][0];
	expect(failed.error?.message).toMatch(
		new RegExp(
			`^Task ${id} finished, but its file could not be downloaded from .*/media/${id}/video.mp4`,
		),
	);
	const continued = await runCreatify({
		parameters,
		credentials: credentials(),
		continueOnFail: true,
	});
	expect(failureOf(continued.items[0])).toMatchObject({
		message: expect.stringContaining('could not be downloaded'),
		taskId: [...sim.tasks.keys()][1],
	});
});

test('callback mode attaches the files when the execution resumes', async () => {
	sim.reset({ imageMs: 100, videoMs: 150, videoBytes: 1024 * 1024 });
	const started = await runCreatify({
		parameters: {
			operation: 'createVideo',
			productUrl: IMAGE,
			waitMode: 'callback',
			options: { download: 'video' },
		},
		credentials: credentials(),
		waitingBaseUrl: waitingWebhooks.baseUrl,
	});
	const { items } = await waitingWebhooks.track(started, credentials());
	expect(items[0].json.status).toBe('video_generated');
	expect(storedBytes(items[0].binary!.data)).toBe(1024 * 1024);
});

test('Download Result and Put File in Field are read per item, in poll and in callback mode', async () => {
	const rows = [
		{ url: IMAGE, want: 'video', field: 'clip' },
		{ url: 'https://shop.example.com/b.png', want: 'none', field: 'x' },
		{ url: 'https://shop.example.com/c.png', want: 'image', field: 'still' },
	];
	const perItem = { download: '={{ $json.want }}', binaryProperty: '={{ $json.field }}' };
	const parameters = { operation: 'createVideo', productUrl: '={{ $json.url }}' };
	const attached = (items: Array<{ binary?: Record<string, IBinaryData> }>) =>
		items.map((i) => Object.entries(i.binary ?? {}).map(([k, b]) => [k, b.mimeType]));
	const expected = [[['clip', 'video/mp4']], [], [['still', 'image/png']]];

	const polled = await runCreatify({
		parameters: { ...parameters, options: { ...POLL, ...perItem } },
		items: rows,
		credentials: credentials(),
	});
	expect(polled.error).toBeUndefined();
	expect(attached(polled.items)).toEqual(expected);

	const started = await runCreatify({
		parameters: { ...parameters, waitMode: 'callback', options: perItem },
		items: rows,
		credentials: credentials(),
		waitingBaseUrl: waitingWebhooks.baseUrl,
	});
	const resumed = await waitingWebhooks.track(started, credentials());
	expect(attached(resumed.items)).toEqual(expected);
});
