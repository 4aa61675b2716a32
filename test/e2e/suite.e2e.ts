/**
 * End to end in a real n8n (see runtime.ts for how it is obtained): our packed tarball installed as the
 * Community Nodes panel installs it, the Creatify simulator as the API, workflows imported over n8n's APIs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CreatifySimulator } from '../simulator/server';
import { N8nApi } from './api';
import { freePort, installPackage, N8nProcess, packPackage } from './runtime';
import { CREATIFY, CREATIFY_TRIGGER, rowsWorkflow } from './workflows';

const sim = new CreatifySimulator({ imageMs: 1000, videoMs: 1500 });
const userFolder = mkdtempSync(join(tmpdir(), 'creatify-e2e-'));
let n8n: N8nProcess;
let api: N8nApi;
let credentialId: string;
const POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${n8n.logTail(40)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

async function post(path: string, body: unknown) {
	const response = await fetch(`${n8n.url}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return response.status;
}

/** The items a node produced in an execution (first output unless `output` says otherwise). */
function nodeItems(execution: Record<string, any>, nodeName: string, output = 0): Array<Record<string, any>> {
	const runs = execution.data?.resultData?.runData?.[nodeName] ?? [];
	const last = runs.at(-1);
	return (last?.data?.main?.[output] ?? []).map((item: { json: Record<string, any> }) => item.json);
}

async function finishedExecutions(workflowId: string, count: number) {
	return await until(`${count} finished executions`, async () => {
		const executions = await api.executions(workflowId);
		const done = executions.filter((e) => e.finished || ['success', 'error'].includes(e.status));
		return done.length >= count ? done : undefined;
	});
}

beforeAll(async () => {
	await sim.start();
	installPackage(userFolder, packPackage());
	n8n = new N8nProcess({ userFolder, port: await freePort(), encryptionKey: 'creatify-e2e-key', quiet: true });
	await n8n.start();
	api = new N8nApi(n8n);
	await api.setUpOwner();
	credentialId = await api.createCredential('Creatify (simulator)', 'creatifyApi', {
		apiId: sim.apiId,
		apiKey: sim.apiKey,
		baseUrl: sim.url,
	});
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sim.stop();
	rmSync(userFolder, { recursive: true, force: true });
});

afterEach(() => {
	const state = expect.getState();
	if (state.assertionCalls !== state.numPassingAsserts) process.stderr.write(`n8n log tail:\n${n8n.logTail(60)}\n`);
});

test('1. n8n loads both nodes and the credential; the credential test passes with good keys and fails with bad', async () => {
	const names = (await api.nodeTypes()).map((t) => t.name);
	expect(names).toEqual(expect.arrayContaining([CREATIFY, CREATIFY_TRIGGER]));
	expect((await api.credentialTypes()).map((t) => t.name)).toContain('creatifyApi');
	const good = await api.testCredential(credentialId, 'creatifyApi', { apiId: sim.apiId, apiKey: sim.apiKey, baseUrl: sim.url });
	expect(good.status).toBe('OK');
	const bad = await api.testCredential(credentialId, 'creatifyApi', { apiId: sim.apiId, apiKey: 'wrong', baseUrl: sim.url });
	expect(bad.status).toBe('Error');
	expect(bad.message).toMatch(/401|Unauthorized|Invalid API ID or API key/);
});

test('2. rows → Create Video (poll): every row gets its video, paired to its row; a failing row goes to the error output', async () => {
	sim.reset({ imageMs: 1000, videoMs: 1500 });
	const id = await api.createWorkflow(
		rowsWorkflow('Rows to videos (poll)', 'rows-poll', credentialId, { operation: 'createVideo', productUrl: '={{ $json.url }}', options: POLL }),
	);
	await api.activate(id);
	await n8n.waitForWebhook('rows-poll');
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
	expect(done.every((j) => j.generated_video_url?.startsWith(sim.url))).toBe(true);
	const failed = nodeItems(execution, 'Failed');
	// the failed row arrives on the error output with the row's own fields and the failed task
	expect(failed).toEqual([
		expect.objectContaining({
			sku: 'B',
			error: expect.stringContaining('failed at the image step'),
			details: expect.objectContaining({ task: expect.objectContaining({ product_url: rows[1].url, status: 'failed' }) }),
		}),
	]);
	// pairing: each output item points back at its row
	const runs = execution.data.resultData.runData.Creatify.at(-1).data.main;
	expect(runs[0].map((item: { pairedItem: { item: number } }) => item.pairedItem.item)).toEqual([0, 2]);
});

test('3. callback mode: the execution waits, the simulator\'s callbacks resume it, the output is right', async () => {
	sim.reset({ imageMs: 1000, videoMs: 1500 });
	const id = await api.createWorkflow(
		rowsWorkflow('Rows to videos (callback)', 'rows-callback', credentialId, {
			operation: 'createVideo',
			productUrl: '={{ $json.url }}',
			waitMode: 'callback',
		}),
	);
	await api.activate(id);
	await n8n.waitForWebhook('rows-callback');
	const rows = [{ url: 'https://shop.example.com/x.png' }, { url: 'https://shop.example.com/y.png' }];
	expect(await post('rows-callback', { rows })).toBe(200);
	const waiting = await until('a waiting execution', async () => {
		const executions = await api.executions(id);
		return executions.find((e) => e.status === 'waiting');
	}, 20_000);
	expect(waiting.waitTill).toBeTruthy();
	const [execution] = await finishedExecutions(id, 1);
	expect(execution.status).toBe('success');
	expect(nodeItems(execution, 'Done').map((j) => [j.product_url, j.status])).toEqual(rows.map((r) => [r.url, 'video_generated']));
	expect(sim.webhookDeliveries.every((d) => d.responseStatus === 200 || d.responseStatus === 409)).toBe(true);
});
