/**
 * Wait for Creatify Callback at batch sizes, in a real n8n (one process, SQLite) with the packed package:
 *   npm run bench:callbacks           (BENCH_BATCHES=100,300,500,1000 by default)
 * For each batch size, one execution: a webhook posts that many rows, Text to Speech makes one job per row and
 * waits for Creatify's callbacks; the simulator finishes the jobs spread over BENCH_SPREAD_SECONDS (20) and calls
 * back once per job, giving up on an answer after 15 s. Prints, per batch: n8n's answer time per callback (p50,
 * p99, max), callbacks not answered in time, status reads per callback and the time from the rows to the
 * execution's end. Loopback only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { CallbackFigures } from '../test/e2e/helpers';
import { callbackFigures, isFinished, nodeItems, postJson, until } from '../test/e2e/helpers';
import type { ExecutionRecord } from '../test/n8n/api';
import { N8nApi } from '../test/n8n/api';
import { freePort, installPackage, N8nProcess, packPackage } from '../test/n8n/runtime';
import { rowsWorkflow } from '../test/n8n/workflows';
import { CreatifySimulator } from '../test/simulator/server';

const BATCHES = (process.env.BENCH_BATCHES ?? '100,300,500,1000').split(',').map(Number);
const SPREAD_SECONDS = Number(process.env.BENCH_SPREAD_SECONDS ?? 20);

interface BatchResult extends CallbackFigures {
	rows: number;
	seconds: number;
	paired: boolean;
}

/**
 * The workflow's execution once finished, with its data. Polls without the data (reading a waiting execution of
 * 1,000 items twice a second would be load of its own) and rides out n8n's busy answers.
 */
async function finished(api: N8nApi, workflowId: string): Promise<ExecutionRecord> {
	const done = await until(
		'the execution to finish',
		async () => {
			const page = await api
				.json<{ data: ExecutionRecord[] }>(`/api/v1/executions?workflowId=${workflowId}&limit=1`)
				.catch(() => ({ data: [] }));
			const [execution] = page.data;
			return execution && isFinished(execution) ? execution : undefined;
		},
		900_000,
	);
	return await api.execution(String(done.id));
}

async function runBatch(
	api: N8nApi,
	n8n: N8nProcess,
	sim: CreatifySimulator,
	credentialId: string,
	rows: number,
): Promise<BatchResult> {
	sim.reset({ videoMs: 500, renderSpreadMs: SPREAD_SECONDS * 1000, credits: 1_000_000 });
	sim.webhook = { timeoutMs: 15_000 };
	const path = `bench-callbacks-${rows}`;
	const workflow = rowsWorkflow(`Bench: ${rows} voice-overs (callback)`, path, credentialId, {
		resource: 'textToSpeech',
		script: '={{ $json.script }}',
		waitMode: 'callback',
		// measures callback mode itself: without the limit above which the node polls instead
		options: { download: 'none', concurrency: 10, callbackItemLimit: 0 },
	});
	const id = await api.createWorkflow(workflow);
	await api.activate(id);
	await n8n.waitForWebhook(path);
	const scripts = Array.from({ length: rows }, (_, k) => ({ script: `Row ${k}.` }));
	const started = Date.now();
	const status = await postJson(`${n8n.url}/webhook/${path}`, { rows: scripts });
	if (status !== 200) throw new Error(`the rows were refused: HTTP ${status}`);
	const execution = await finished(api, id);
	const seconds = (Date.now() - started) / 1000;
	await sim.settleWebhooks();
	const done = nodeItems(execution, 'Done').map((j) => j.script);
	return {
		rows,
		...callbackFigures(sim, '/api/text_to_speech/'),
		seconds,
		paired: JSON.stringify(done) === JSON.stringify(scripts.map((s) => s.script)),
	};
}

function table(results: BatchResult[]): string {
	const rows = results.map(
		(r) =>
			`| ${r.rows} | ${r.callbacks} | ${r.p50} / ${r.p99} / ${r.max} | ${r.unanswered} | ${r.readsPerCallback.toFixed(2)} | ${r.seconds.toFixed(1)} | ${r.paired ? 'yes' : 'NO'} |`,
	);
	return [
		'| rows | callbacks | answer p50 / p99 / max ms | not answered within 15 s | status reads per callback | rows to end, s | outputs paired to rows |',
		'|---|---|---|---|---|---|---|',
		...rows,
	].join('\n');
}

async function main() {
	const sim = new CreatifySimulator({ credits: 1_000_000 });
	await sim.start();
	const folder = mkdtempSync(join(tmpdir(), 'creatify-bench-callbacks-'));
	const n8n = new N8nProcess({
		userFolder: folder,
		port: await freePort(),
		encryptionKey: 'creatify-bench-key',
		quiet: true,
	});
	const results: BatchResult[] = [];
	try {
		installPackage(folder, packPackage());
		await n8n.start();
		const api = new N8nApi(n8n);
		await api.setUpOwner();
		const credentialId = await api.simulatorCredential(sim);
		for (const rows of BATCHES) {
			const result = await runBatch(api, n8n, sim, credentialId, rows);
			process.stderr.write(`${JSON.stringify(result)}\n`);
			results.push(result);
		}
	} finally {
		await n8n.stop();
		await sim.stop();
		rmSync(folder, { recursive: true, force: true });
	}
	process.stdout.write(
		`\nText to Speech rows in Wait for Creatify Callback, jobs finishing over ${SPREAD_SECONDS} s, one n8n process (SQLite), node ${process.version} driving n8n\n\n${table(results)}\n`,
	);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack}\n`);
	process.exitCode = 1;
});
