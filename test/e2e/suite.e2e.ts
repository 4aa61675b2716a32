/**
 * End to end in a real n8n (see runtime.ts for how it is obtained): our packed tarball installed as the
 * Community Nodes panel installs it, the Creatify simulator as the API, workflows imported over n8n's APIs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { FAMILIES } from '../../nodes/shared/families';
import { TEMPLATES } from '../simulator/adTemplate';
import { createJob } from '../simulator/jobRequests';
import { CreatifySimulator } from '../simulator/server';
// the SDK's modules are reached through its "./*" export, which the lint resolver does not follow
// eslint-disable-next-line import-x/no-unresolved
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
// eslint-disable-next-line import-x/no-unresolved
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { captureCanvas, captureEditor } from './editor';
import type { RealN8n } from './realN8n';
import { logTailOnFailure, startRealN8n, stopRealN8n } from './realN8n';
import {
	callbackFigures,
	finishedExecutions as finishedAfter,
	nodeItems,
	nodeOutput,
	postJson,
	until,
} from './helpers';
import type { N8nApi, OutputItem } from '../n8n/api';
import type { N8nProcess } from '../n8n/runtime';
import type { NodeSpec } from '../n8n/workflows';
import {
	CREATIFY,
	CREATIFY_TRIGGER,
	mcpWorkflow,
	rowsWorkflow,
	triggerWorkflow,
} from '../n8n/workflows';

const sim = new CreatifySimulator({ imageMs: 1000, videoMs: 1500 });
let real: RealN8n | undefined;
let n8n: N8nProcess;
let api: N8nApi;
let credentialId: string;
const POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };
/** where the editor screenshots go (the README shows docs/screenshots) */
const SCREENSHOTS =
	process.env.CREATIFY_SCREENSHOTS ?? join(__dirname, '..', '..', 'docs', 'screenshots');

const logTail = () => n8n.logTail(40);

async function post(path: string, body: unknown) {
	return await postJson(`${n8n.url}/webhook/${path}`, body);
}

async function finishedExecutions(workflowId: string, count: number) {
	return await finishedAfter(api, workflowId, count, 60_000, logTail);
}

/** Imports and activates a rows workflow; returns its ID once its webhook is live. */
async function deployRows(
	name: string,
	path: string,
	creatify: Record<string, unknown>,
	before: NodeSpec[] = [],
): Promise<string> {
	const id = await api.createWorkflow(rowsWorkflow(name, path, credentialId, creatify, before));
	await api.activate(id);
	await n8n.waitForWebhook(path);
	return id;
}

beforeAll(async () => {
	// community nodes become AI tools (for agents and the MCP Server Trigger) only with this
	real = await startRealN8n(sim, 'e2e', { N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true' });
	({ n8n, api, credentialId } = real);
}, 600_000);

afterAll(async () => await stopRealN8n(real, sim));

logTailOnFailure(() => n8n);

test('1. n8n loads both nodes and the credential; the credential test passes with good keys and fails with bad', async () => {
	const names = (await api.nodeTypes()).map((t) => t.name);
	expect(names).toEqual(expect.arrayContaining([CREATIFY, CREATIFY_TRIGGER]));
	expect((await api.credentialTypes()).map((t) => t.name)).toContain('creatifyApi');
	const good = await api.testCredential(credentialId, 'creatifyApi', {
		apiId: sim.apiId,
		apiKey: sim.apiKey,
		baseUrl: sim.url,
	});
	expect(good.status).toBe('OK');
	const bad = await api.testCredential(credentialId, 'creatifyApi', {
		apiId: sim.apiId,
		apiKey: 'wrong',
		baseUrl: sim.url,
	});
	expect(bad.status).toBe('Error');
	expect(bad.message).toMatch(/401|Unauthorized|Authorization failed|Invalid API ID or API key/);
});

test('2. rows → Create Video (poll): every row gets its video, paired to its row; a failing row goes to the error output', async () => {
	sim.reset({ imageMs: 1000, videoMs: 1500 });
	const id = await deployRows('Rows to videos (poll)', 'rows-poll', {
		operation: 'createVideo',
		productUrl: '={{ $json.url }}',
		options: POLL,
	});
	const rows = [
		{ url: 'https://shop.example.com/a.png', sku: 'A' },
		{ url: 'https://shop.example.com/fail-image.png', sku: 'B' },
		{ url: 'https://shop.example.com/c.png', sku: 'C' },
	];
	expect(await post('rows-poll', { rows })).toBe(200);
	const [execution] = await finishedExecutions(id, 1);
	const done = nodeItems(execution, 'Done');
	expect(done.map((j) => [j.product_url, j.status])).toEqual([
		[rows[0].url, 'video_generated'],
		[rows[2].url, 'video_generated'],
	]);
	expect(done.every((j) => String(j.generated_video_url).startsWith(sim.url))).toBe(true);
	const failed = nodeItems(execution, 'Failed');
	// the failed row arrives on the error output with the row's own fields and the failed task
	expect(failed).toEqual([
		expect.objectContaining({
			sku: 'B',
			error: expect.objectContaining({
				message: expect.stringContaining('failed at the image step'),
				taskId: expect.any(String),
				task: expect.objectContaining({ product_url: rows[1].url, status: 'failed' }),
			}),
		}),
	]);
	// pairing: each output item points back at its row
	expect(nodeOutput(execution, 'Creatify').map((item) => item.pairedItem?.item)).toEqual([0, 2]);
});

test("3. callback mode: the execution waits, the simulator's callbacks resume it, the output is right", async () => {
	sim.reset({ imageMs: 1000, videoMs: 1500 });
	const id = await deployRows('Rows to videos (callback)', 'rows-callback', {
		operation: 'createVideo',
		productUrl: '={{ $json.url }}',
		waitMode: 'callback',
	});
	const rows = [
		{ url: 'https://shop.example.com/x.png' },
		{ url: 'https://shop.example.com/y.png' },
	];
	expect(await post('rows-callback', { rows })).toBe(200);
	const waiting = await until(
		'a waiting execution',
		async () => {
			const executions = await api.executions(id);
			return executions.find((e) => e.status === 'waiting');
		},
		20_000,
		logTail,
	);
	expect(waiting.waitTill).toBeTruthy();
	const [execution] = await finishedExecutions(id, 1);
	expect(execution.status).toBe('success');
	expect(nodeItems(execution, 'Done').map((j) => [j.product_url, j.status])).toEqual(
		rows.map((r) => [r.url, 'video_generated']),
	);
	expect(
		sim.webhookDeliveries.every((d) => d.responseStatus === 200 || d.responseStatus === 409),
	).toBe(true);
});

test('4. Creatify Trigger: callbacks of tasks another workflow created start verified executions; forged and repeated ones start none; one without a Content-Type is read', async () => {
	sim.reset({ imageMs: 1000, videoMs: 1500 });
	const { workflow, webhookId } = triggerWorkflow('Videos ready', credentialId);
	const triggerId = await api.createWorkflow(workflow);
	await api.activate(triggerId);
	await n8n.waitForWebhook(`${webhookId}/creatify`);
	const hook = `${n8n.url}/webhook/${webhookId}/creatify`;
	const rendersId = await deployRows('Rows to videos (notify trigger)', 'rows-trigger', {
		operation: 'createVideo',
		productUrl: '={{ $json.url }}',
		options: { ...POLL, webhookUrl: hook },
	});
	const rows = [
		{ url: 'https://shop.example.com/t1.png' },
		{ url: 'https://shop.example.com/t2.png' },
	];
	expect(await post('rows-trigger', { rows })).toBe(200);
	await finishedExecutions(rendersId, 1);
	await sim.settleWebhooks();
	const started = await finishedExecutions(triggerId, 2);
	const received = started.map((e) => nodeItems(e, 'Creatify Trigger')[0]);
	expect(received.map((j) => [j.product_url, j.status, j.event, j.verified]).sort()).toEqual(
		rows.map((r) => [r.url, 'video_generated', 'videoReady', true]).sort(),
	);

	// a forged callback (unknown task) and a repeat of a genuine one start nothing
	const forged = await fetch(hook, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ id: '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f', status: 'video_generated' }),
	});
	expect(forged.status).toBe(404);
	const genuine = sim.tasks.get(String(received[0].id))!;
	const repeat = await fetch(hook, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(genuine),
	});
	expect([repeat.status, await repeat.json()]).toEqual([200, { received: true, duplicate: true }]);
	await new Promise((resolve) => setTimeout(resolve, 2000));
	expect((await api.executions(triggerId)).length).toBe(2);

	// the same callback delivered several times at once (Creatify may retry quickly) starts one execution
	const fresh = sim.seedTask({
		status: 'video_generated',
		generated_video_url: `${sim.url}/media/x/video.mp4`,
	});
	const answers = await Promise.all(
		Array.from({ length: 4 }, async () => {
			const response = await fetch(hook, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(fresh),
			});
			return (await response.json()) as { duplicate?: boolean };
		}),
	);
	// the one that starts the workflow is answered by n8n once the execution exists, with the trigger's JSON
	expect(answers.filter((a) => !a.duplicate)).toEqual([
		{ received: true, jobId: fresh.id, event: 'videoReady' },
	]);
	await finishedExecutions(triggerId, 3);

	// version 2 of the trigger: n8n leaves a body without a Content-Type unread, and the trigger reads it itself
	const unlabelled = sim.seedTask({
		status: 'video_generated',
		generated_video_url: `${sim.url}/media/u/video.mp4`,
	});
	const bare = await fetch(hook, { method: 'POST', body: Buffer.from(JSON.stringify(unlabelled)) });
	expect([bare.status, await bare.json()]).toEqual([
		200,
		{ received: true, jobId: unlabelled.id, event: 'videoReady' },
	]);
	await finishedExecutions(triggerId, 4);
	await new Promise((resolve) => setTimeout(resolve, 2000));
	expect((await api.executions(triggerId)).length).toBe(4);
});

test('4b. Creatify Trigger: a genuine status-change callback (the job still works) is answered 200 and starts nothing; the finished one starts exactly one', async () => {
	sim.reset();
	const { workflow, webhookId } = triggerWorkflow('Status changes', credentialId);
	const triggerId = await api.createWorkflow(workflow);
	await api.activate(triggerId);
	await n8n.waitForWebhook(`${webhookId}/creatify`);
	const hook = `${n8n.url}/webhook/${webhookId}/creatify`;
	const task = sim.seedTask({ status: 'video_generating' });
	const send = async (body: unknown) => {
		const response = await fetch(hook, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return [response.status, await response.json()];
	};
	expect(await send({ id: task.id, status: 'video_generating' })).toEqual([
		200,
		{ received: true, ignored: 'status change', status: 'video_generating' },
	]);
	await new Promise((resolve) => setTimeout(resolve, 2000));
	expect(await api.executions(triggerId)).toHaveLength(0);
	Object.assign(sim.tasks.get(task.id)!, {
		status: 'video_generated',
		generated_video_url: `${sim.url}/media/${task.id}/video.mp4`,
	});
	expect(await send(sim.tasks.get(task.id))).toEqual([
		200,
		{ received: true, jobId: task.id, event: 'videoReady' },
	]);
	expect(await finishedExecutions(triggerId, 1)).toHaveLength(1);
});

test('6. a large video lands as binary data with n8n in filesystem binary mode (n8n peak memory reported)', async () => {
	const size = 256 * 1024 * 1024;
	sim.reset({ imageMs: 500, videoMs: 500, videoBytes: size });
	const id = await deployRows('Rows to video files', 'rows-download', {
		operation: 'createVideo',
		productUrl: '={{ $json.url }}',
		options: { ...POLL, download: 'video' },
	});
	await new Promise((resolve) => setTimeout(resolve, 1000));
	n8n.resetPeakRss();
	const idle = await n8n.currentRssMb();
	expect(await post('rows-download', { rows: [{ url: 'https://shop.example.com/big.png' }] })).toBe(
		200,
	);
	const [execution] = await finishedExecutions(id, 1);
	const [item] = nodeOutput(execution, 'Done') as Array<
		OutputItem & { binary?: Record<string, { id?: string; fileSize?: string; mimeType?: string }> }
	>;
	expect(item.binary?.data).toMatchObject({
		mimeType: 'video/mp4',
		id: expect.stringMatching(/^filesystem/),
	});
	process.stderr.write(
		`n8n memory while downloading a ${size / 1024 / 1024} MB video: idle ${idle.toFixed(0)} MB, peak ${n8n.peakRssMb.toFixed(0)} MB (+${(n8n.peakRssMb - idle).toFixed(0)} MB)\n`,
	);
	expect(n8n.peakRssMb - idle).toBeLessThan(size / 1024 / 1024 / 2);
});

test("7. the editor's task and avatar pickers return the simulator's data through n8n's REST endpoints", async () => {
	sim.reset();
	const task = sim.seedTask({ product_url: 'https://shop.example.com/images/picker-shoe.png' });
	const common = {
		nodeTypeAndVersion: { name: CREATIFY, version: 1 },
		credentials: { creatifyApi: { id: credentialId, name: 'Creatify (simulator)' } },
	};
	const tasks = await api.listSearch({
		...common,
		methodName: 'searchProductVideoJobs',
		path: 'parameters.taskId',
		currentNodeParameters: {
			resource: 'productVideo',
			operation: 'get',
			taskId: { __rl: true, mode: 'list', value: '' },
		},
		filter: 'picker-shoe',
	});
	expect(tasks.results).toEqual([
		{ name: expect.stringContaining('picker-shoe.png'), value: task.id },
	]);
	const avatars = await api.listSearch({
		...common,
		methodName: 'searchAvatars',
		path: 'parameters.options.overrideAvatar',
		currentNodeParameters: {
			resource: 'productVideo',
			operation: 'generateImage',
			productUrl: '',
			options: {},
		},
	});
	expect(avatars.results).toHaveLength(50);
	expect(avatars.results[0]).toEqual({
		name: 'Ava A. (f, adult, casual)',
		value: expect.any(String),
	});
});

test("7b. in the editor (headless Chromium): both nodes with their icons, the operations, the trigger's notice", async () => {
	const { workflow } = triggerWorkflow('Editor view', credentialId);
	workflow.nodes.push({
		id: '0f0e0d0c-0000-4000-8000-00000000000a',
		name: 'Creatify',
		type: CREATIFY,
		typeVersion: 1,
		position: [520, 0],
		parameters: { operation: 'createVideo', productUrl: 'https://shop.example.com/a.png' },
		credentials: { creatifyApi: { id: credentialId, name: 'Creatify (simulator)' } },
	});
	(workflow.connections as Record<string, unknown>).Received = {
		main: [[{ node: 'Creatify', type: 'main', index: 0 }]],
	};
	const id = await api.createWorkflow(workflow);
	const shots = await captureEditor(n8n.url, api.cookie, id, SCREENSHOTS);
	expect(shots.canvasIcons).toBeGreaterThanOrEqual(2);
	expect(shots.operations).toEqual(
		expect.arrayContaining(['Create Video', 'Generate Video', 'Generate Image', 'Get Many']),
	);
	expect(shots.triggerText).toContain('Production URL');
	for (const file of shots.files) expect(existsSync(file)).toBe(true);
});

// Last: restarts n8n.
test('5. durability: n8n stops while executions wait for callbacks; after a restart the callbacks resume them all', async () => {
	sim.reset({ imageMs: 800, videoMs: 1000 });
	sim.webhook = { lose: true }; // callbacks sent while n8n is down are lost; they are delivered again below
	const id = await deployRows('Rows to videos (durable)', 'rows-durable', {
		operation: 'createVideo',
		productUrl: '={{ $json.url }}',
		waitMode: 'callback',
	});
	const rows = [
		{ url: 'https://shop.example.com/d1.png' },
		{ url: 'https://shop.example.com/d2.png' },
		{ url: 'https://shop.example.com/d3.png' },
	];
	expect(await post('rows-durable', { rows })).toBe(200);
	await until(
		'the execution to wait',
		async () => (await api.executions(id)).find((e) => e.status === 'waiting'),
		20_000,
		logTail,
	);
	for (const task of sim.tasks.values()) await sim.waitForStatus(task.id, ['image_generated']);

	await n8n.stop();
	sim.webhook = {};
	await n8n.start();
	for (const task of sim.tasks.values()) sim.redeliver(task.id);
	const [execution] = await finishedExecutions(id, 1);
	expect(execution.status).toBe('success');
	expect(nodeItems(execution, 'Done').map((j) => [j.product_url, j.status])).toEqual(
		rows.map((r) => [r.url, 'video_generated']),
	);
});

test('5b. Creatify Trigger: a job of every family delivered once; after n8n restarts, the same callbacks start nothing', async () => {
	sim.reset({ imageMs: 300, videoMs: 400 });
	const events = [...new Set(FAMILIES.flatMap((f) => f.steps.map((step) => step.event.value)))];
	const { workflow, webhookId } = triggerWorkflow('Every family, lasting', credentialId, {
		events: [...events, 'failed'],
	});
	const triggerId = await api.createWorkflow(workflow);
	await api.activate(triggerId);
	await n8n.waitForWebhook(`${webhookId}/creatify`);
	const hook = `${n8n.url}/webhook/${webhookId}/creatify`;
	// one job at a time, as renders finish over minutes: each callback finds static data saved before it (n8n
	// 2.41 left unsaved the record of a callback that started an execution once the workflow had static data)
	const ids = new Map<string, string>();
	for (const family of FAMILIES) {
		ids.set(family.name, await createJob(sim, family.name, hook));
		await finishedExecutions(triggerId, ids.size);
	}
	const started = await finishedExecutions(triggerId, FAMILIES.length);
	const received = started.map((e) => nodeItems(e, 'Creatify Trigger')[0]);
	expect(received.map((j) => [j.jobType, j.id]).sort()).toEqual([...ids].sort());

	// nothing in n8n's memory survives this: only what n8n saved in its database
	await n8n.stop();
	await n8n.start();
	await n8n.waitForWebhook(`${webhookId}/creatify`);
	sim.webhookDeliveries.length = 0;
	for (const id of ids.values()) sim.redeliver(id);
	await sim.settleWebhooks();
	expect(sim.webhookDeliveries.map((d) => [d.taskId, d.responseStatus]).sort()).toEqual(
		[...ids.values()].map((id) => [id, 200]).sort(),
	);
	await new Promise((resolve) => setTimeout(resolve, 2000));
	expect((await api.executions(triggerId)).length).toBe(FAMILIES.length);
});

test('9. URL to Video: product page rows → Create Video From URL (poll): a video per row, paired; a page Creatify cannot read goes to the error output unpaid', async () => {
	sim.reset({ videoMs: 1500 });
	const id = await deployRows('Product pages to video ads (poll)', 'pages-poll', {
		resource: 'urlToVideo',
		operation: 'createFromUrl',
		url: '={{ $json.url }}',
		options: { ...POLL, download: 'none' },
	});
	const rows = [
		{ url: 'https://shop.example.com/products/a', sku: 'A' },
		{ url: 'https://shop.example.com/products/b', sku: 'B' },
		{ url: 'https://shop.example.com/scrape-fail', sku: 'X' },
		{ url: 'https://shop.example.com/products/c', sku: 'C' },
	];
	expect(await post('pages-poll', { rows })).toBe(200);
	const [execution] = await finishedExecutions(id, 1);
	const done = nodeItems(execution, 'Done');
	expect(done.map((j) => [sim.urlToVideo.links.get(String(j.link))?.url, j.status])).toEqual([
		[rows[0].url, 'done'],
		[rows[1].url, 'done'],
		[rows[3].url, 'done'],
	]);
	expect(done.every((j) => String(j.video_output).endsWith('/video.mp4'))).toBe(true);
	expect(nodeOutput(execution, 'Creatify').map((item) => item.pairedItem?.item)).toEqual([0, 1, 3]);
	expect(nodeItems(execution, 'Failed')).toEqual([
		expect.objectContaining({
			sku: 'X',
			error: expect.objectContaining({
				message: expect.stringContaining(
					`for the page ${rows[2].url} (HTTP 400): Failed to scrape url`,
				),
			}),
		}),
	]);
	expect(sim.paidAttempts('link_to_videos')).toHaveLength(3);
});

test('10. URL to Video in callback mode, with a Creatify Trigger told by the same videos: both see each video once', async () => {
	sim.reset({ videoMs: 1500 });
	const { workflow, webhookId } = triggerWorkflow('Video ads ready', credentialId, {
		jobTypes: ['urlToVideo'],
	});
	const triggerId = await api.createWorkflow(workflow);
	await api.activate(triggerId);
	await n8n.waitForWebhook(`${webhookId}/creatify`);
	const hook = `${n8n.url}/webhook/${webhookId}/creatify`;
	const waitingId = await deployRows('Product pages to video ads (callback)', 'pages-callback', {
		resource: 'urlToVideo',
		operation: 'createFromUrl',
		url: '={{ $json.url }}',
		waitMode: 'callback',
		options: { download: 'none' },
	});
	const rows = [
		{ url: 'https://shop.example.com/products/p' },
		{ url: 'https://shop.example.com/products/q' },
	];
	expect(await post('pages-callback', { rows })).toBe(200);
	const [execution] = await finishedExecutions(waitingId, 1);
	expect(execution.status).toBe('success');
	const videos = nodeItems(execution, 'Done');
	expect(videos.map((j) => j.status)).toEqual(['done', 'done']);

	// the trigger: each video's callback, told to it by a later run with the trigger's URL as the Webhook URL
	const ids = videos.map((j) => String(j.id));
	for (const video of ids.map((videoId) => sim.urlToVideo.videos.get(videoId)!)) {
		video.webhook_url = hook;
		sim.redeliver(video.id);
	}
	sim.redeliver(ids[0]);
	await sim.settleWebhooks();
	const started = await finishedExecutions(triggerId, 2);
	const received = started.map((e) => nodeItems(e, 'Creatify Trigger')[0]);
	expect(received.map((j) => [j.id, j.status, j.event, j.jobType, j.verified]).sort()).toEqual(
		ids.map((videoId) => [videoId, 'done', 'videoReady', 'urlToVideo', true]).sort(),
	);
	await new Promise((resolve) => setTimeout(resolve, 2000));
	expect((await api.executions(triggerId)).length).toBe(2);
});

test('11. Text to Speech: script rows → Create (poll, audio downloaded): a voice-over per row with its audio; a too-long script goes to the error output unsent', async () => {
	sim.reset({ videoMs: 1000 });
	const id = await deployRows('Scripts to voice-overs (poll)', 'scripts-poll', {
		resource: 'textToSpeech',
		operation: 'create',
		script: '={{ $json.script }}',
		options: { ...POLL, download: 'audio' },
	});
	const rows = [
		{ script: 'Meet the bottle that keeps drinks cold all day.', sku: 'A' },
		{ script: 'x'.repeat(8001), sku: 'LONG' },
		{ script: 'Free shipping this week only.', sku: 'B' },
	];
	expect(await post('scripts-poll', { rows })).toBe(200);
	const [execution] = await finishedExecutions(id, 1);
	const done = nodeOutput(execution, 'Creatify') as Array<
		OutputItem & { binary?: Record<string, { mimeType?: string; fileName?: string }> }
	>;
	expect(done.map((item) => [item.json.script, item.json.status, item.pairedItem?.item])).toEqual([
		[rows[0].script, 'done', 0],
		[rows[2].script, 'done', 2],
	]);
	for (const item of done) {
		expect(item.binary?.data).toMatchObject({
			mimeType: 'audio/mpeg',
			fileName: `${String(item.json.id)}.mp3`,
		});
	}
	expect(nodeItems(execution, 'Failed')).toEqual([
		expect.objectContaining({
			sku: 'LONG',
			error: expect.objectContaining({
				message: expect.stringContaining('Script is 8001 characters long'),
			}),
		}),
	]);
	expect(sim.paidAttempts('text_to_speech')).toHaveLength(2);
});

test('12. Aurora: rows → Text to Speech (audio downloaded) → Aurora with the audio uploaded from the binary store (poll): a talking video per row; a failed render goes to the error output', async () => {
	sim.reset({ videoMs: 1000, imageBytes: 256 * 1024 });
	const voiceOver: NodeSpec = [
		'Voice-Over',
		CREATIFY,
		{
			resource: 'textToSpeech',
			script: '={{ $json.script }}',
			options: { ...POLL, download: 'audio', binaryProperty: 'audio' },
		},
		{ credentials: { creatifyApi: { id: credentialId, name: 'Creatify (simulator)' } } },
	];
	const id = await deployRows(
		'Image and voice to talking video (poll)',
		'talking-poll',
		{
			resource: 'aurora',
			imageUrl: "={{ $('Split Rows').item.json.image }}",
			audioSource: 'binary',
			audioSeconds: '={{ $json.duration }}',
			model: 'aurora_v2',
			resolution: '480p',
			options: { ...POLL, download: 'video', checkCredits: true },
		},
		[voiceOver],
	);
	const rows = [
		{ image: 'https://cdn.example.com/presenter.png', script: 'Hi, meet our new bottle.' },
		{ image: 'https://cdn.example.com/no-face.png', script: 'This one has no face.' },
	];
	expect(await post('talking-poll', { rows })).toBe(200);
	const [execution] = await finishedExecutions(id, 1);
	const done = nodeOutput(execution, 'Creatify') as Array<
		OutputItem & { binary?: Record<string, { mimeType?: string }> }
	>;
	expect(done.map((item) => [item.json.status, item.json.image, item.pairedItem?.item])).toEqual([
		['done', rows[0].image, 0],
	]);
	expect(done[0].binary?.data).toMatchObject({ mimeType: 'video/mp4' });
	expect(nodeItems(execution, 'Failed')).toEqual([
		expect.objectContaining({
			error: expect.objectContaining({
				message: expect.stringContaining('failed: No face was found'),
			}),
		}),
	]);
	const uploads = sim.paidAttempts('aurora').map((r) => (r.body as Record<string, unknown>).audio);
	expect(uploads).toEqual([
		expect.objectContaining({
			type: 'audio/mpeg',
			size: 256 * 1024,
			head: expect.stringMatching(/^ID3/),
		}),
		expect.objectContaining({ size: 256 * 1024 }),
	]);
});

test("13. AI Ad Templates: the editor gets a template's inputs from n8n's REST endpoint; rows auto-mapped to them → Create Job (poll, assets downloaded); a row that does not fit goes to the error output unpaid", async () => {
	sim.reset({ videoMs: 1000 });
	const [, banners] = TEMPLATES;
	const template = { __rl: true, mode: 'list', value: banners.id };
	const mapper = await api.resourceMapperFields({
		nodeTypeAndVersion: { name: CREATIFY, version: 1 },
		credentials: { creatifyApi: { id: credentialId, name: 'Creatify (simulator)' } },
		methodName: 'getTemplateFields',
		path: 'parameters.inputFields',
		currentNodeParameters: { resource: 'adTemplate', operation: 'create', template },
	});
	expect(mapper.fields.map((f) => [f.id, f.type, f.required])).toEqual([
		['Headline', 'string', true],
		['Product Image', 'url', true],
		['Style', 'options', false],
		['Variations', 'number', false],
	]);
	const id = await deployRows('Rows to template ads (poll)', 'templates-poll', {
		resource: 'adTemplate',
		operation: 'create',
		template,
		inputFields: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
		options: { ...POLL, download: 'assets' },
	});
	const rows = [
		{ Headline: 'Summer sale', 'Product Image': 'https://shop.example.com/a.png', Variations: '2' },
		{ Headline: 'Too loud', 'Product Image': 'https://shop.example.com/b.png', Style: 'loud' },
	];
	expect(await post('templates-poll', { rows })).toBe(200);
	const [execution] = await finishedExecutions(id, 1);
	const done = nodeOutput(execution, 'Creatify') as Array<
		OutputItem & { binary?: Record<string, { mimeType?: string }> }
	>;
	expect(
		done.map((item) => [
			item.json.status,
			(item.json.assets as unknown[]).length,
			item.pairedItem?.item,
		]),
	).toEqual([['done', 2, 0]]);
	expect(done[0].binary?.data).toMatchObject({ mimeType: 'image/png' });
	expect(done[0].binary?.data_1).toMatchObject({ mimeType: 'image/jpeg' });
	expect(nodeItems(execution, 'Failed')).toEqual([
		expect.objectContaining({
			error: expect.objectContaining({
				message: expect.stringContaining('"Style" must be one of "bold", "minimal"'),
			}),
		}),
	]);
	expect(sim.paidAttempts('inspiration_jobs').map((r) => r.body)).toEqual([
		{
			inspiration_id: banners.id,
			input_params: {
				Headline: 'Summer sale',
				'Product Image': 'https://shop.example.com/a.png',
				Variations: 2,
			},
		},
	]);
});

test('14. MCP: an MCP client lists the Creatify tools an MCP Server Trigger exposes, calls Get Credits, and Create Video (poll) returns the finished video record', async () => {
	sim.reset({ imageMs: 500, videoMs: 800, credits: 40 });
	const workflow = mcpWorkflow('Creatify tools over MCP', 'creatify-mcp', credentialId, {
		'Get Credits': { resource: 'account', operation: 'getCredits' },
		'Create Video': {
			resource: 'productVideo',
			operation: 'createVideo',
			productUrl:
				"={{ $fromAI('productUrl', 'Public URL of the product image (png, jpg or webp) to make the video from', 'string') }}",
			waitMode: 'poll',
			maxWaitMinutes: 5,
			options: { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1, download: 'none' },
		},
	});
	const id = await api.createWorkflow(workflow);
	await api.activate(id);
	await n8n.waitForWebhook('creatify-mcp', 30_000, 'mcp');
	const shot = await captureCanvas(n8n.url, api.cookie, id, SCREENSHOTS, 'mcp-workflow.png');
	expect(existsSync(shot)).toBe(true);
	const client = new Client({ name: 'creatify-e2e', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(`${n8n.url}/mcp/creatify-mcp`)));
	try {
		const { tools } = await client.listTools();
		// the descriptions n8n makes from the operations' actions: what an agent reads to choose a tool
		expect(tools.map((t: Tool) => [t.name, t.description]).sort()).toEqual([
			['Create_Video', 'Create a video from a product image in Creatify'],
			['Get_Credits', 'Get remaining credits in Creatify'],
		]);
		const createVideo = tools.find((t: Tool) => t.name === 'Create_Video');
		expect(createVideo?.inputSchema.properties).toEqual({
			productUrl: expect.objectContaining({
				type: 'string',
				description: expect.stringMatching(/product image/),
			}),
		});
		const credits = await client.callTool({ name: 'Get_Credits', arguments: {} });
		expect(JSON.stringify(credits.content)).toContain('remaining_credits');
		const video = await client.callTool({
			name: 'Create_Video',
			arguments: { productUrl: 'https://shop.example.com/images/mcp-bottle.png' },
		});
		const text = (video.content as Array<{ type: string; text?: string }>)[0].text ?? '';
		const record = JSON.parse(text) as Array<Record<string, unknown>> | Record<string, unknown>;
		expect(Array.isArray(record) ? record[0] : record).toMatchObject({
			status: 'video_generated',
			product_url: 'https://shop.example.com/images/mcp-bottle.png',
			generated_video_url: expect.stringMatching(/video\.mp4$/),
		});
		expect(sim.credits).toBe(36);
	} finally {
		await client.close();
	}
});

// Last: stops n8n and runs the example with n8n's CLI, as `n8n execute` runs a saved workflow.
test("16. URL to Video Create Previews then Render, both waiting for Creatify callbacks: the execution waits twice and ends with each row's chosen preview rendered", async () => {
	sim.reset({ videoMs: 800 });
	const creatifyCredential = {
		credentials: { creatifyApi: { id: credentialId, name: 'Creatify (simulator)' } },
	};
	const styles = ['AvatarBubbleTemplate', 'FullScreenTemplate'];
	const id = await deployRows(
		'Previews then render (callback)',
		'rows-preview-render',
		{
			resource: 'urlToVideo',
			operation: 'render',
			videoId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			preview: '={{ $json.previews[1].media_job }}',
			waitMode: 'callback',
			options: { download: 'none' },
		},
		[
			[
				'Previews',
				CREATIFY,
				{
					resource: 'urlToVideo',
					operation: 'createPreviews',
					url: '={{ $json.url }}',
					visualStyles: styles,
					waitMode: 'callback',
				},
				creatifyCredential,
			],
		],
	);
	const rows = [
		{ url: 'https://shop.example.com/products/p1' },
		{ url: 'https://shop.example.com/products/p2' },
	];
	expect(await post('rows-preview-render', { rows })).toBe(200);
	const [execution] = await finishedExecutions(id, 1);
	expect(execution.status).toBe('success');
	const previews = nodeItems(execution, 'Previews');
	const done = nodeItems(execution, 'Done');
	expect(done.map((j) => [j.id, j.status, j.visual_style])).toEqual(
		previews.map((p) => [p.id, 'done', styles[1]]),
	);
	expect(sim.paidAttempts('preview_list_async')).toHaveLength(2);
	expect(sim.paidAttempts('render_single_preview')).toHaveLength(2);
	// the previews' and the renders' callbacks reached the waiting execution (the last may still be in flight
	// when the execution ends: the node resumes once every job is done, whichever callback tells it)
	await sim.settleWebhooks();
	const toExecution = sim.webhookDeliveries.filter((d) => d.url.includes('/webhook-waiting/'));
	expect(new Set(toExecution.map((d) => `${d.taskId}:${d.url}`)).size).toBe(4);
});

test('17. 300 rows in callback mode, jobs finishing over 20 s: outputs paired to their rows, every callback answered (p99 within 5 s), about one status read per callback', async () => {
	sim.reset({ videoMs: 500, renderSpreadMs: 20_000, credits: 100_000 });
	sim.webhook = { timeoutMs: 15_000 };
	const id = await deployRows('300 voice-overs (callback)', 'rows-300-callback', {
		resource: 'textToSpeech',
		script: '={{ $json.script }}',
		waitMode: 'callback',
		options: { download: 'none', concurrency: 10 },
	});
	const rows = Array.from({ length: 300 }, (_, k) => ({ script: `Row ${k}.` }));
	expect(await post('rows-300-callback', { rows })).toBe(200);
	const [execution] = await finishedAfter(api, id, 1, 120_000, logTail);
	await sim.settleWebhooks();
	expect(execution.status).toBe('success');
	expect(nodeItems(execution, 'Done').map((j) => [j.script, j.status])).toEqual(
		rows.map((r) => [r.script, 'done']),
	);
	// answered: 200 while the execution waits, 409 once it has resumed (or before it waits)
	expect(
		sim.webhookDeliveries.filter((d) => d.responseStatus !== 200 && d.responseStatus !== 409),
	).toEqual([]);
	const figures = callbackFigures(sim, '/api/text_to_speech/');
	process.stderr.write(
		`[17] ${figures.callbacks} callbacks answered in p50 ${figures.p50} ms, p99 ${figures.p99} ms, max ${figures.max} ms; ${figures.readsPerCallback.toFixed(2)} status reads per callback\n`,
	);
	expect(figures.p99).toBeLessThan(5000);
	expect(figures.readsPerCallback).toBeLessThan(1.3);
});

test('17b. 600 rows in callback mode, more than the default Max Items for Callbacks: the run polls instead, sends no webhook_url and says so in its hints', async () => {
	sim.reset({ videoMs: 500, renderSpreadMs: 3000, credits: 100_000 });
	const id = await deployRows('600 voice-overs (callback above the limit)', 'rows-600-callback', {
		resource: 'textToSpeech',
		script: '={{ $json.script }}',
		waitMode: 'callback',
		options: { download: 'none', concurrency: 10, pollIntervalSeconds: 1 },
	});
	const rows = Array.from({ length: 600 }, (_, k) => ({ script: `Row ${k}.` }));
	expect(await post('rows-600-callback', { rows })).toBe(200);
	const [execution] = await finishedAfter(api, id, 1, 120_000, logTail);
	expect(execution.status).toBe('success');
	expect(nodeItems(execution, 'Done').map((j) => [j.script, j.status])).toEqual(
		rows.map((r) => [r.script, 'done']),
	);
	const sent = sim.paidAttempts('text_to_speech');
	expect(sent).toHaveLength(600);
	expect(sent.filter((r) => (r.body as { webhook_url?: string }).webhook_url)).toEqual([]);
	const hints = execution.data?.resultData?.runData?.Creatify?.at(-1)?.hints ?? [];
	expect(hints.map((h) => h.message)).toEqual([
		expect.stringContaining('600 items are more than Max Items for Callbacks (500)'),
	]);
});
