/**
 * Wait mode "callback": the execution is suspended with n8n's wait mechanism (as the Wait node and the
 * send-and-wait operations do) and resumed by this node's webhook when Creatify calls back.
 *
 * What the webhook needs to know (which jobs each item waits for, the follow-up still to send, the files to
 * download) is kept in the node's own input items, which n8n stores with the waiting execution. If the
 * deadline passes first, n8n resumes the execution with those items as they are, without calling the node:
 * so each is stored already marked as timed out (`creatify_wait.timed_out: true`), and the webhook replaces
 * it with the job's final record once the job finishes.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { JobFamily } from '../../shared/families/types';
import type { CreatifyJob } from '../../shared/helpers/schemas';
import { callbackUrlLengthProblem, nodeResumeUrl } from '../../shared/helpers/callbackUrl';
import { callbackReachabilityProblem } from '../../shared/helpers/locality';
import { creatifyBaseUrl } from '../../shared/transport';
import { answerJson } from '../../shared/transport/answer';
import { readCallback } from '../../shared/transport/callbackRequest';
import { IDS_PER_LIST_CALL, listByIds } from '../../shared/transport/jobs';
import type { DownloadSettings } from './download';
import { downloadFiles } from './download';
import { followUpFailure, sendFollowUpOnce } from './followUp';
import { errorItemJson } from './items';
import { nextMove } from './plan';
import { readStatus } from '../../shared/helpers/status';

/** What a waiting item carries; n8n outputs it as it is if the deadline passes. */
export interface DeadlineMark extends IDataObject {
	timed_out: true;
	/** the step the job is followed for */
	step: string;
	/** the body of the follow-up request still to send once `step` is done */
	follow_up?: IDataObject;
	/** files to attach once finished */
	download?: DownloadSettings;
}

type WaitingItem = INodeExecutionData & { json: CreatifyJob & { creatify_wait?: DeadlineMark } };

/** The URL Creatify calls for this execution and node; refuses when Creatify could not reach it. */
export async function callbackUrlFor(ctx: IExecuteFunctions): Promise<string> {
	const resumeUrl = String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0));
	const url = nodeResumeUrl(resumeUrl, ctx.getNode().id);
	const tooLong = callbackUrlLengthProblem(url);
	const problem = tooLong ?? callbackReachabilityProblem(url, await creatifyBaseUrl(ctx));
	if (problem) {
		const title = tooLong
			? "n8n's callback URL is too long for Creatify"
			: 'n8n is not reachable from Creatify';
		throw new NodeOperationError(ctx.getNode(), title, {
			description: `${problem} Nothing was sent to Creatify.`,
		});
	}
	return url;
}

/**
 * Suspends the execution until `deadline`. `outputs` are the items as they stand (created jobs, or error items
 * under Continue On Fail); `marks` says which of them wait, for what.
 */
export async function suspendForCallbacks(
	ctx: IExecuteFunctions,
	outputs: INodeExecutionData[],
	marks: Map<number, DeadlineMark>,
	deadline: Date,
): Promise<INodeExecutionData[]> {
	const inputs = ctx.getInputData();
	const state = outputs.map((item, index) => {
		const mark = marks.get(index);
		return {
			json: mark ? { ...item.json, creatify_wait: mark } : item.json,
			pairedItem: inputs[index]?.pairedItem ?? { item: index },
		};
	});
	// n8n keeps the node's input with the waiting execution and hands it to the webhook.
	ctx.getExecuteData().data.main[0] = state;
	await ctx.putExecutionToWait(deadline);
	// n8n may rearrange the returned arrays (error outputs): never hand back the stored ones
	return state.map((item) => ({ ...item, json: { ...item.json } }));
}

/**
 * Where one waiting item stands: its final json (the job's record, or an error), or undefined while it waits.
 * Only the job this callback is about starts its follow-up: a late copy of another job's callback must not.
 * A follow-up this process sent and saw fail settles the item as that error, whichever job called back.
 */
async function settleItem(
	ctx: IWebhookFunctions,
	family: JobFamily,
	mark: DeadlineMark,
	job: CreatifyJob,
	calledId: string,
): Promise<IDataObject | undefined> {
	const move = nextMove(family, mark.step, mark.follow_up !== undefined, readStatus(family, job));
	if (move === 'wait') return undefined;
	if (move !== 'followUp') return job;
	const failed = followUpFailure(family, job.id);
	if (failed) return errorItemJson(failed);
	if (job.id !== calledId) return undefined;
	try {
		await sendFollowUpOnce(ctx, family, job.id, mark.follow_up!);
		return undefined;
	} catch (error) {
		return errorItemJson(error as Error);
	}
}

/** The execution's output once every job has settled, with the files of finished jobs attached. */
async function resumedItems(
	ctx: IWebhookFunctions,
	family: JobFamily,
	items: WaitingItem[],
	finals: Map<WaitingItem, IDataObject>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (const [index, item] of items.entries()) {
		const mark = item.json.creatify_wait;
		const json = mark ? (finals.get(item) as IDataObject) : item.json;
		const result: INodeExecutionData = { json, pairedItem: { item: index } };
		const finished =
			mark && nextMove(family, mark.step, mark.follow_up !== undefined, readStatus(family, json));
		if (mark?.download && finished === 'finish') {
			try {
				result.binary = await downloadFiles(ctx, family, json as CreatifyJob, mark.download);
			} catch (error) {
				// the execution cannot fail from a callback: the item says what went wrong
				result.json = { ...json, download_error: (error as Error).message };
			}
		}
		output.push(result);
	}
	return output;
}

/** `count` IDs drawn at random from `ids` (all of them when there are fewer). */
function sampleOf(ids: string[], count: number): string[] {
	const pool = [...ids];
	for (let k = 0; k < Math.min(count, pool.length); k++) {
		const pick = k + Math.floor(Math.random() * (pool.length - k));
		[pool[k], pool[pick]] = [pool[pick], pool[k]];
	}
	return pool.slice(0, count);
}

/**
 * Reads the jobs with these IDs and settles the items waiting for them; false when one still works (or could not
 * be read), true when every one of them has settled.
 */
async function settleJobs(
	ctx: IWebhookFunctions,
	family: JobFamily,
	ids: string[],
	waiting: WaitingItem[],
	calledId: string,
	finals: Map<WaitingItem, IDataObject>,
): Promise<boolean> {
	const listed = await listByIds(ctx, family, ids);
	const jobs = new Map(listed.map((job) => [job.id, job]));
	let settled = true;
	for (const item of waiting.filter((candidate) => ids.includes(candidate.json.id))) {
		const job = jobs.get(item.json.id);
		const final = job && (await settleItem(ctx, family, item.json.creatify_wait!, job, calledId));
		if (final) finals.set(item, final);
		else settled = false;
	}
	return settled;
}

/**
 * Whether every waiting job has settled, read linearly in the batch: the called job and a random sample of the
 * others in one list call; only when none of those still works, all the rest (100 per call). While renders are
 * under way a callback costs one read whatever the batch size; the full read happens near the end only.
 */
async function allSettled(
	ctx: IWebhookFunctions,
	family: JobFamily,
	waiting: WaitingItem[],
	calledId: string,
	finals: Map<WaitingItem, IDataObject>,
): Promise<boolean> {
	const ids = [...new Set(waiting.map((item) => item.json.id))];
	const others = ids.filter((id) => id !== calledId);
	const first = [calledId, ...sampleOf(others, IDS_PER_LIST_CALL - 1)];
	if (!(await settleJobs(ctx, family, first, waiting, calledId, finals))) return false;
	const rest = ids.filter((id) => !first.includes(id));
	return rest.length === 0 || (await settleJobs(ctx, family, rest, waiting, calledId, finals));
}

/**
 * Handles one callback for the waiting execution: the body only names a job; the API says where the jobs
 * stand. Resumes the execution with the final records once all have settled; until then it keeps waiting.
 */
export async function handleCallback(
	ctx: IWebhookFunctions,
	family: JobFamily,
): Promise<IWebhookResponseData> {
	const parsed = await readCallback(ctx);
	if (!parsed.ok) {
		return answerJson(ctx, parsed.httpStatus, { error: parsed.error, message: parsed.message });
	}
	const calledId = parsed.body.id;
	const items = (ctx.evaluateExpression('{{ $input.all() }}', 0) ?? []) as unknown as WaitingItem[];
	const waiting = items.filter((item) => item.json.creatify_wait);
	if (!waiting.some((item) => item.json.id === calledId)) {
		const message = 'This execution does not wait for that job';
		return answerJson(ctx, 404, { error: 'unknown_job', message });
	}
	const finals = new Map<WaitingItem, IDataObject>();
	try {
		if (!(await allSettled(ctx, family, waiting, calledId, finals)))
			return answerJson(ctx, 200, { received: true, waiting: true });
	} catch {
		const message = 'Could not check the jobs with Creatify';
		return answerJson(ctx, 503, { error: 'verification_unavailable', message });
	}
	const output = await resumedItems(ctx, family, items, finals);
	return { ...answerJson(ctx, 200, { received: true, resumed: true }), workflowData: [output] };
}
