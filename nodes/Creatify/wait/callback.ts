/**
 * Wait mode "callback": the execution is suspended with n8n's wait mechanism (as the Wait node and the
 * send-and-wait operations do) and resumed by this node's webhook when Creatify calls back.
 *
 * What the webhook needs to know (which tasks each item waits for, the video request of Create Video) is kept
 * in the node's own input items, which n8n stores with the waiting execution. Those items are shaped as the
 * timed-out result, so that when n8n resumes the execution at the deadline without calling the node, the
 * output still says which tasks did not finish (`creatify_wait.timed_out: true`).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseCallback } from '../helpers/callbacks';
import type { CreatifyTask } from '../helpers/schemas';
import { taskSchema } from '../helpers/schemas';
import { chunk } from '../helpers/validation';
import type { WaitStep } from '../helpers/waiting';
import { callbackReachabilityProblem, nodeResumeUrl, taskState } from '../helpers/waiting';
import type { CreatifyRequest } from '../transport';
import { CREDENTIAL_TYPE, creatifyRequest, normalizeBaseUrl } from '../transport';
import { IDS_PER_LIST_CALL, listTasksById } from '../transport/tasks';
import { errorItemJson } from '../actions/common';
import type { DownloadSettings } from './download';
import { downloadFiles } from './download';

/** Kept in each waiting item; also what a timed-out item shows. */
export interface WaitState extends IDataObject {
	timed_out: true;
	step: WaitStep;
	/** Create Video: the body of the gen_video request, sent when the image is done */
	video_request?: IDataObject;
	/** files to attach once finished */
	download?: DownloadSettings;
}

type WaitingItem = INodeExecutionData & { json: CreatifyTask & { creatify_wait?: WaitState } };

/** The URL Creatify calls for this execution and node; refuses when Creatify could not reach it. */
export async function callbackUrlFor(ctx: IExecuteFunctions): Promise<string> {
	const resumeUrl = String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0));
	const url = nodeResumeUrl(resumeUrl, ctx.getNode().id);
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const problem = callbackReachabilityProblem(url, normalizeBaseUrl(credentials.baseUrl));
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), 'n8n is not reachable from Creatify', {
			description: `${problem} Nothing was sent to Creatify.`,
		});
	}
	return url;
}

export function withWebhook(
	request: CreatifyRequest<CreatifyTask>,
	url: string,
): CreatifyRequest<CreatifyTask> {
	return { ...request, body: { ...request.body, webhook_url: url } };
}

/**
 * Suspends the execution until `deadline`. `outputs` are the items as they stand (created tasks, or error items
 * under Continue On Fail); `waiting` says which of them wait for which step.
 */
export async function suspendForCallbacks(
	ctx: IExecuteFunctions,
	outputs: INodeExecutionData[],
	waiting: Map<number, WaitState>,
	deadline: Date,
): Promise<INodeExecutionData[]> {
	const inputs = ctx.getInputData();
	const state = outputs.map((item, index) => {
		const wait = waiting.get(index);
		return {
			json: wait ? { ...item.json, creatify_wait: wait } : item.json,
			pairedItem: inputs[index]?.pairedItem ?? { item: index },
		};
	});
	// n8n keeps the node's input with the waiting execution and hands it to the webhook.
	ctx.getExecuteData().data.main[0] = state;
	await ctx.putExecutionToWait(deadline);
	// n8n may rearrange the returned arrays (error outputs): never hand back the stored ones
	return state.map((item) => ({ ...item, json: { ...item.json } }));
}

function respond(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

async function fetchAll(ctx: IWebhookFunctions, ids: string[]): Promise<Map<string, CreatifyTask>> {
	const tasks = new Map<string, CreatifyTask>();
	for (const batch of chunk(ids, IDS_PER_LIST_CALL)) {
		for (const task of await listTasksById(ctx, batch)) tasks.set(task.id, task);
	}
	return tasks;
}

/**
 * Handles one callback for the waiting execution: the body only names a task; the API says where every task
 * stands. Resumes the execution with the final records once all have finished; until then it keeps waiting.
 */
export async function handleCallback(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const parsed = parseCallback(
		(ctx.getRequestObject() as { rawBody?: Buffer }).rawBody,
		ctx.getBodyData(),
	);
	if (!parsed.ok)
		return respond(ctx, parsed.httpStatus, { error: parsed.error, message: parsed.message });

	const items = (ctx.evaluateExpression('{{ $input.all() }}', 0) ?? []) as unknown as WaitingItem[];
	const waiting = items.filter((item) => item.json.creatify_wait);
	if (!waiting.some((item) => item.json.id === parsed.body.id)) {
		return respond(ctx, 404, {
			error: 'unknown_task',
			message: 'This execution does not wait for that task',
		});
	}

	let tasks: Map<string, CreatifyTask>;
	try {
		tasks = await fetchAll(
			ctx,
			waiting.map((item) => item.json.id),
		);
	} catch {
		return respond(ctx, 503, {
			error: 'verification_unavailable',
			message: 'Could not check the tasks with Creatify',
		});
	}

	const finals = new Map<WaitingItem, IDataObject>();
	for (const item of waiting) {
		const wait = item.json.creatify_wait as WaitState;
		const task = tasks.get(item.json.id);
		if (!task) continue;
		if (wait.video_request && task.status === 'image_generated') {
			// Only the task this callback is about starts its video: a duplicate or late callback of another task
			// must not send a second paid request.
			if (task.id === parsed.body.id) {
				try {
					await creatifyRequest(ctx, {
						method: 'POST',
						path: ['product_to_videos', task.id, 'gen_video'],
						body: wait.video_request,
						schema: taskSchema,
						taskId: task.id,
						spendsCredits: true,
					});
				} catch (error) {
					finals.set(item, errorItemJson(error as Error));
				}
			}
			continue;
		}
		const lastStep: WaitStep = wait.video_request ? 'video' : wait.step;
		if (taskState(lastStep, task.status) !== 'working') finals.set(item, task);
	}

	const unfinished = waiting.length - finals.size;
	if (unfinished > 0) return respond(ctx, 200, { received: true, waiting: unfinished });

	const output: INodeExecutionData[] = [];
	for (const [index, item] of items.entries()) {
		const wait = item.json.creatify_wait;
		const json = wait ? (finals.get(item) as IDataObject) : item.json;
		const result: INodeExecutionData = { json, pairedItem: { item: index } };
		const lastStep: WaitStep | undefined = wait && (wait.video_request ? 'video' : wait.step);
		if (wait?.download && lastStep && taskState(lastStep, json.status) === 'done') {
			try {
				result.binary = await downloadFiles(ctx, json as CreatifyTask, wait.download);
			} catch (error) {
				// the execution cannot fail from a callback: the item says what went wrong
				result.json = { ...json, download_error: (error as Error).message };
			}
		}
		output.push(result);
	}
	return { ...respond(ctx, 200, { received: true, resumed: true }), workflowData: [output] };
}
