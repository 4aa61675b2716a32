/**
 * n8n's waiting-webhook endpoint (/webhook-waiting/<execution>/<node>) for executions the Creatify node put to
 * wait: a callback runs the node's webhook() in n8n-core's WebhookContext with the stored execution data; when
 * it returns items, the execution resumes in WorkflowExecute with those items as the node's output, as n8n
 * does. `timeOut()` resumes an execution as n8n's wait tracker does at the deadline (the node is not called).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDeferredPromise, IWebhookData } from 'n8n-workflow';
import { createDeferredPromise } from 'n8n-workflow';
import { WebhookContext } from 'n8n-core';

import { Creatify } from '../../nodes/Creatify/Creatify.node';
import type { CreatifyCredentialValues, RunResult } from './n8n';
import { additionalData, processExecution } from './n8n';
import { expressResponse, readRequest } from './webhook';

interface Waiting {
	result: RunResult;
	credentials: CreatifyCredentialValues;
	state: 'waiting' | 'running' | 'finished';
	done: IDeferredPromise<RunResult>;
}

export class WaitingWebhooks {
	private server?: Server;
	private readonly executions = new Map<string, Waiting>();
	private readonly node = new Creatify();
	/** every callback answer, in order */
	readonly answers: Array<{ executionId: string; status: number }> = [];
	baseUrl = '';

	async start(): Promise<string> {
		this.server = createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook-waiting`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise((resolve) => this.server?.close(resolve));
	}

	/** Takes a run that ended in the waiting state; resolves with the resumed run once it has finished. */
	track(result: RunResult, credentials: CreatifyCredentialValues): Promise<RunResult> {
		if (result.run.status !== 'waiting')
			throw new Error(`execution is ${result.run.status}, not waiting`);
		const done = createDeferredPromise<RunResult>();
		this.executions.set(result.executionId, { result, credentials, state: 'waiting', done });
		return done.promise;
	}

	/** What n8n does when the wait deadline passes: resume without calling the node. */
	async timeOut(executionId: string): Promise<RunResult> {
		const waiting = this.executions.get(executionId)!;
		return await this.resume(waiting);
	}

	private async resume(waiting: Waiting): Promise<RunResult> {
		waiting.state = 'running';
		const { workflow, run, executionId } = waiting.result;
		const resumed = await processExecution(workflow, run.data, {
			credentials: waiting.credentials,
			executionId,
			waitingBaseUrl: this.baseUrl,
		});
		waiting.state = 'finished';
		waiting.done.resolve(resumed);
		return resumed;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const httpRequest = await readRequest(req);
		const [executionId, nodeId] = new URL(req.url ?? '/', 'http://x').pathname.split('/').slice(2);
		const waiting = this.executions.get(executionId);
		const answer = (status: number, body: unknown) => {
			expressResponse(res).status(status).json(body);
			this.answers.push({ executionId, status });
		};
		if (!waiting) return answer(404, { message: 'no such execution' });
		if (waiting.state !== 'waiting')
			return answer(409, { message: `execution is ${waiting.state}` });
		const { workflow, run } = waiting.result;
		const node = Object.values(workflow.nodes).find((n) => n.id === nodeId);
		if (!node) return answer(404, { message: 'no such node' });

		const data = additionalData(waiting.credentials);
		Object.assign(data, { httpRequest, httpResponse: expressResponse(res), executionId });
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: nodeId,
			webhookDescription: this.node.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: data,
		} as IWebhookData;
		const context = new WebhookContext(workflow, node, data, 'webhook', webhookData, [], run.data);
		try {
			const result = await this.node.webhook.call(context);
			this.answers.push({ executionId, status: res.statusCode });
			if (!result.noWebhookResponse)
				expressResponse(res)
					.status(200)
					.json(result.webhookResponse ?? {});
			// A second resume of the same execution is refused by n8n (the execution is no longer waiting).
			if (result.workflowData && waiting.state === 'waiting') {
				// n8n puts the webhook's items in place of the waiting node's input and runs on from there
				run.data.executionData!.nodeExecutionStack[0].data.main = result.workflowData;
				await this.resume(waiting);
			}
		} catch (error) {
			if (!res.headersSent) answer(500, { message: (error as Error).message });
			else throw error;
		}
	}
}
