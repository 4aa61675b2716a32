/**
 * A small HTTP server that stands in for n8n's webhook endpoint of an ACTIVE workflow holding a Creatify Trigger:
 * it parses requests as n8n does (JSON body plus the raw bytes), runs the trigger's real webhook() in n8n-core's
 * WebhookContext, answers as n8n would, keeps the workflow's static data between calls as n8n 2.x does, and
 * records the executions the trigger asked n8n to start.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { WebhookContext } from 'n8n-core';

import { CreatifyTrigger } from '../../nodes/CreatifyTrigger/CreatifyTrigger.node';
import type { CreatifySimulator } from '../simulator/server';
import type { CreatifyCredentialValues } from './n8n';
import { additionalData, CREATIFY_TRIGGER_NODE_TYPE, nodeTypes } from './n8n';

const WEBHOOK_ID = '6f1d5c2e-7b3a-4e8f-9a0b-1c2d3e4f5a6b';

/** The express-like response object n8n hands to webhook nodes, reduced to what nodes call. */
export function expressResponse(res: ServerResponse) {
	const api = {
		status(code: number) {
			res.statusCode = code;
			return api;
		},
		json(body: unknown) {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(body));
			return api;
		},
		send(body: unknown) {
			res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
			return api;
		},
		end: () => res.end(),
		get statusCode() {
			return res.statusCode;
		},
		get writableEnded() {
			return res.writableEnded;
		},
		get destroyed() {
			return res.destroyed;
		},
		once(event: string, listener: () => void) {
			res.once(event, listener);
			return api;
		},
	};
	return api;
}

/** The content types n8n parses before a webhook node of version 2 or later runs (webhook-helpers.ts). */
const PARSED_TYPES = /^(application\/json|text\/plain|application\/x-www-form-urlencoded)|[/+]xml$/;

/**
 * The request as n8n's body parser leaves it: the parsed JSON body and the raw bytes; for a node of version 2 or
 * later and a content type n8n does not parse (none, for one), the request stream unread.
 */
export async function readRequest(req: IncomingMessage, nodeVersion = 1) {
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const query = Object.fromEntries(url.searchParams);
	const contentType = String(req.headers['content-type'] ?? '');
	if (nodeVersion > 1 && !PARSED_TYPES.test(contentType)) {
		return Object.assign(req, { body: {}, query, params: {} });
	}
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks);
	let body: unknown = {};
	if (contentType.includes('json')) {
		try {
			body = JSON.parse(rawBody.toString() || '{}');
		} catch {
			body = {};
		}
	}
	return { body, rawBody, headers: req.headers, query, params: {}, method: req.method };
}

export class TriggerHarness {
	/** the items of each execution the trigger started */
	readonly executions: INodeExecutionData[][] = [];
	/**
	 * The workflow's static data as n8n's database holds it once anything was saved: an object, which n8n then
	 * shares between a request and the execution it starts (before the first save it is null, and each gets its
	 * own; the harness starts where the stricter rule applies).
	 */
	saved: IDataObject = {};
	/** when set, n8n fails to start an execution (as when its database refuses the new execution) */
	failStarts = false;
	private server?: Server;
	private trigger = new CreatifyTrigger();
	url = '';

	constructor(
		private readonly parameters: INodeParameters,
		private readonly credentials: CreatifyCredentialValues,
		/** the trigger's version in the workflow (new nodes get the newest) */
		private readonly typeVersion = 2,
	) {}

	/** A new n8n process: the node's module loaded afresh, so nothing is remembered but the saved static data. */
	restart(): void {
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const fresh = require('../../nodes/CreatifyTrigger/CreatifyTrigger.node') as {
				CreatifyTrigger: typeof CreatifyTrigger;
			};
			this.trigger = new fresh.CreatifyTrigger();
		});
	}

	async start(): Promise<string> {
		this.server = createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/creatify`;
		return this.url;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise((resolve) => this.server?.close(resolve));
	}

	reset(): void {
		this.executions.length = 0;
		this.saved = {};
	}

	/**
	 * What n8n 2.x's WorkflowRunner does before it answers a request that starts an execution: it builds a new
	 * Workflow over the same static data object (which clears its changed mark) and writes to its database.
	 */
	private async startExecution(staticData: IDataObject, items: INodeExecutionData[]) {
		new Workflow({ nodes: [], connections: {}, nodeTypes, active: true, staticData });
		await new Promise((resolve) => setTimeout(resolve, 5));
		if (this.failStarts) throw new Error('Database connection timed out');
		this.executions.push(items);
	}

	/** n8n saves a request's static data when it answers, only when it is marked changed. */
	private saveIfChanged(workflow: Workflow) {
		if (workflow.staticData.__dataChanged === true) {
			this.saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		}
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const httpRequest = await readRequest(req, this.typeVersion);
		const node: INode = {
			id: 'b2c3d4e5-0000-4000-8000-000000000002',
			name: 'Creatify Trigger',
			type: CREATIFY_TRIGGER_NODE_TYPE,
			typeVersion: this.typeVersion,
			position: [0, 0],
			parameters: this.parameters,
			webhookId: WEBHOOK_ID,
			credentials: { creatifyApi: { id: 'cred-1', name: 'Creatify account' } },
		};
		const workflow = new Workflow({
			id: 'trigger-workflow',
			nodes: [node],
			connections: {},
			nodeTypes,
			active: true,
			// each request works on its own copy of what was saved
			staticData: JSON.parse(JSON.stringify(this.saved)) as IDataObject,
		});
		const data = additionalData(this.credentials);
		Object.assign(data, { httpRequest, httpResponse: expressResponse(res) });
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'creatify',
			webhookDescription: this.trigger.description.webhooks![0],
			workflowId: 'trigger-workflow',
			workflowExecuteAdditionalData: data,
			webhookId: WEBHOOK_ID,
		} as IWebhookData;
		const context = new WebhookContext(
			workflow,
			workflow.getNode(node.name)!,
			data,
			'webhook',
			webhookData,
			[],
			null,
		);
		try {
			const result = await this.trigger.webhook.call(context);
			if (result.workflowData)
				await this.startExecution(workflow.staticData, result.workflowData[0]);
			this.saveIfChanged(workflow);
			if (!result.noWebhookResponse) {
				// n8n's answer when a node leaves the response to it (mode "onReceived")
				expressResponse(res)
					.status(200)
					.json(result.webhookResponse ?? { message: 'Workflow was started' });
			}
		} catch (error) {
			expressResponse(res)
				.status(500)
				.json({ message: (error as Error).message });
		}
	}
}

/**
 * A trigger with `parameters` receives the callbacks of one job that `create` starts with the trigger's URL as its
 * webhook, each delivered twice; returns the job's ID and the executions once the job is done and delivered.
 */
export async function executionsForOneJob(
	sim: CreatifySimulator,
	trigger: TriggerHarness,
	create: (webhookUrl: string) => Promise<string>,
	finished: string[] = ['done'],
): Promise<{ id: string; executions: INodeExecutionData[][] }> {
	sim.webhook = { copies: 2 };
	await trigger.start();
	const id = await create(trigger.url);
	await sim.waitForStatus(id, finished as Parameters<CreatifySimulator['waitForStatus']>[1]);
	await sim.settleWebhooks();
	return { id, executions: trigger.executions };
}
