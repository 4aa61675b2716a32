/** Reading what a real n8n did: polling its public API and picking node outputs out of execution records. */
import type { IDataObject } from 'n8n-workflow';

import type { ExecutionRecord, N8nApi, OutputItem } from '../n8n/api';
import type { CreatifySimulator } from '../simulator/server';

/** Polls `probe` until it returns a value; `context` adds what helps on a time-out (e.g. n8n's log tail). */
export async function until<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs = 60_000,
	context = () => '',
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${context()}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** POSTs JSON; returns the status code. */
export async function postJson(url: string, body: unknown): Promise<number> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	await response.arrayBuffer();
	return response.status;
}

/** The items a node produced in an execution (first output unless `output` says otherwise). */
export function nodeOutput(execution: ExecutionRecord, nodeName: string, output = 0): OutputItem[] {
	const runs = execution.data?.resultData?.runData?.[nodeName] ?? [];
	return runs.at(-1)?.data?.main?.[output] ?? [];
}

export function nodeItems(execution: ExecutionRecord, nodeName: string, output = 0): IDataObject[] {
	return nodeOutput(execution, nodeName, output).map((item) => item.json);
}

export function isFinished(execution: ExecutionRecord): boolean {
	return Boolean(execution.finished) || ['success', 'error', 'crashed'].includes(execution.status);
}

export async function finishedExecutions(
	api: N8nApi,
	workflowId: string,
	count: number,
	timeoutMs = 60_000,
	context = () => '',
) {
	return await until(
		`${count} finished executions`,
		async () => {
			const done = (await api.executions(workflowId)).filter(isFinished);
			return done.length >= count ? done : undefined;
		},
		timeoutMs,
		context,
	);
}

/** How n8n answered the simulator's callbacks so far, and the free status list calls made per callback. */
export interface CallbackFigures {
	callbacks: number;
	/** answer times in ms */
	p50: number;
	p99: number;
	max: number;
	/** callbacks answered neither 200 (taken) nor 409 (the execution had resumed or was not waiting yet) */
	unanswered: number;
	readsPerCallback: number;
}

/** The figures of the simulator's callbacks, counting as reads the list calls by ID on `listPath`. */
export function callbackFigures(sim: CreatifySimulator, listPath: string): CallbackFigures {
	const deliveries = sim.webhookDeliveries;
	const times = deliveries.map((d) => d.ms ?? Infinity).sort((a, b) => a - b);
	const quantile = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
	const reads = sim.requests.filter(
		(r) => r.method === 'GET' && r.path === listPath && r.query.ids,
	).length;
	return {
		callbacks: deliveries.length,
		p50: quantile(0.5),
		p99: quantile(0.99),
		max: times.at(-1) ?? 0,
		unanswered: deliveries.filter((d) => d.responseStatus !== 200 && d.responseStatus !== 409)
			.length,
		readsPerCallback: reads / Math.max(1, deliveries.length),
	};
}
