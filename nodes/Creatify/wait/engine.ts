/**
 * The wait engine every paid operation runs on: it checks all items first, optionally checks credits, submits
 * the paid requests with bounded concurrency, and then (wait mode "poll") follows all tasks together with the
 * list endpoint until each is done, failed or out of time. Created tasks are never forgotten: every error that
 * stops a run lists them.
 */
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BackoffPolicy } from '../helpers/backoff';
import { backoffDelay } from '../helpers/backoff';
import { runPool } from '../helpers/pool';
import type { CreatifyTask } from '../helpers/schemas';
import { creditsSchema } from '../helpers/schemas';
import { abortableSleep } from '../helpers/sleep';
import { chunk } from '../helpers/validation';
import type { WaitStep } from '../helpers/waiting';
import { taskState } from '../helpers/waiting';
import type { CreatifyRequest } from '../transport';
import { creatifyRequest } from '../transport';
import { IDS_PER_LIST_CALL, listTasksById } from '../transport/tasks';
import { asNodeError, errorItem } from '../actions/common';
import type { WaitState } from './callback';
import { callbackUrlFor, suspendForCallbacks, withWebhook } from './callback';
import type { DownloadSettings } from './download';
import { downloadFiles } from './download';
import { readWaitSettings } from './settings';

export type WaitMode = 'none' | 'poll' | 'callback';

/** What one input item asks for. */
export interface PaidItemPlan {
	/** the paid request that starts the work */
	request: CreatifyRequest<CreatifyTask>;
	/** the step `request` starts */
	step: WaitStep;
	/** image to video in one go: the video request, sent once the image is done */
	thenVideo?: (taskId: string) => CreatifyRequest<CreatifyTask>;
	/** credits the whole plan spends */
	credits: number;
}

export interface WaitSettings {
	mode: WaitMode;
	download: DownloadSettings;
	maxWaitMs: number;
	poll: BackoffPolicy;
	concurrency: number;
	checkCredits: boolean;
}

/** How many created task IDs an error lists in full before summarising. */
const MAX_LISTED_TASKS = 20;

interface ItemRun {
	itemIndex: number;
	plan: PaidItemPlan;
	step: WaitStep;
	task?: CreatifyTask;
	binary?: IBinaryKeyData;
	error?: Error;
	/** Continue On Fail: the task failed at Creatify; the output is an error item carrying its record */
	taskFailure?: NodeOperationError;
	/** true once the task reached the end of the last step (or failed) */
	settled: boolean;
}

type CreatedTask = { itemIndex: number; taskId: string };

/** Adds the tasks this run already paid for to an error, so that stopping the workflow loses none of them. */
function withCreatedTasks(error: NodeApiError | NodeOperationError, created: CreatedTask[]) {
	if (created.length === 0) return error;
	const listed = created
		.slice(0, MAX_LISTED_TASKS)
		.map(({ itemIndex, taskId }) => `item ${itemIndex}: ${taskId}`)
		.join(', ');
	const more =
		created.length > MAX_LISTED_TASKS ? ` and ${created.length - MAX_LISTED_TASKS} more` : '';
	error.description =
		`${error.description ?? ''}\n\nTasks already created (and paid for) by this execution: ${listed}${more}. Creatify keeps processing them: fetch them with the Get or Get Many operation instead of running the items again. To keep the other items' results when one fails, set the node's On Error setting to Continue.`.trim();
	error.context.createdTasks = created.map(({ itemIndex, taskId }) => ({ itemIndex, taskId }));
	return error;
}

function taskError(
	ctx: IExecuteFunctions,
	run: ItemRun,
	message: string,
	description: string,
): NodeOperationError {
	const error = new NodeOperationError(ctx.getNode(), message, {
		itemIndex: run.itemIndex,
		description,
	});
	if (run.task) error.context.taskId = run.task.id;
	return error;
}

class PaidRun {
	private readonly created: CreatedTask[] = [];
	private readonly continueOnFail: boolean;
	private stopped?: NodeApiError | NodeOperationError;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly settings: WaitSettings,
		/** callback mode: every paid request asks Creatify to call this URL */
		private readonly callbackUrl?: string,
	) {
		this.continueOnFail = ctx.continueOnFail();
	}

	paid(request: CreatifyRequest<CreatifyTask>): CreatifyRequest<CreatifyTask> {
		return this.callbackUrl ? withWebhook(request, this.callbackUrl) : request;
	}

	/** Sends one paid request for each run (bounded concurrency); a failure stops new sends unless continuing. */
	async submit(runs: ItemRun[], request: (run: ItemRun) => CreatifyRequest<CreatifyTask>) {
		await runPool(
			runs.length,
			this.settings.concurrency,
			async (index) => {
				const run = runs[index];
				try {
					run.task = await creatifyRequest(this.ctx, request(run));
					if (!this.created.some((c) => c.taskId === run.task!.id)) {
						this.created.push({ itemIndex: run.itemIndex, taskId: run.task.id });
					}
				} catch (error) {
					this.fail(run, asNodeError(this.ctx, error, run.itemIndex));
				}
			},
			() => this.stopped !== undefined,
		);
		this.throwIfStopped();
	}

	fail(run: ItemRun, error: NodeApiError | NodeOperationError) {
		run.error = error;
		run.settled = true;
		if (!this.continueOnFail && !this.stopped) this.stopped = error;
	}

	throwIfStopped() {
		if (this.stopped) throw withCreatedTasks(this.stopped, this.created);
	}

	/**
	 * Callback mode, once everything is sent: one status check settles what already finished and starts the
	 * videos of images already done. n8n refuses callbacks for an execution that is still running (it is not
	 * waiting yet), so without this a task that finished while a long batch was being sent would never be
	 * heard of again.
	 */
	async catchUp(runs: ItemRun[]) {
		const waiting = runs.filter((run) => !run.settled);
		if (waiting.length === 0) return;
		await this.refresh(waiting);
		const toVideo: ItemRun[] = [];
		for (const run of waiting) {
			const state = taskState(run.step, run.task!.status);
			if (state === 'done' && run.step === 'image' && run.plan.thenVideo) toVideo.push(run);
			// a failed task comes out as its record, as its callback would have delivered it
			else if (state !== 'working') run.settled = true;
		}
		await this.startVideos(toVideo);
		this.throwIfStopped();
	}

	/** Follows every unsettled run until done, failed or out of time. */
	async poll(runs: ItemRun[]) {
		const deadline = Date.now() + this.settings.maxWaitMs;
		const signal = this.ctx.getExecutionCancelSignal();
		for (let round = 0; ; round++) {
			const waiting = runs.filter((run) => !run.settled);
			if (waiting.length === 0) return;
			const left = deadline - Date.now();
			if (left <= 0) break;
			await abortableSleep(Math.min(backoffDelay(this.settings.poll, round), left), signal);
			await this.refresh(waiting);
			// videos just started are new renders: check them at the short interval again
			if (await this.advance(waiting)) round = -1;
			this.throwIfStopped();
		}
		for (const run of runs.filter((r) => !r.settled)) {
			const minutes = Math.round(this.settings.maxWaitMs / 600) / 100;
			this.fail(
				run,
				taskError(
					this.ctx,
					run,
					`Task ${run.task!.id} did not finish within ${minutes} minutes (status "${String(run.task!.status)}")`,
					`Creatify is still working on it and it is paid for: fetch it later with the Get operation and task ID ${run.task!.id}, or raise Max Wait (Minutes).`,
				),
			);
		}
		this.throwIfStopped();
	}

	/** One list call per 100 tasks. A failed status check is skipped; the next round tries again. */
	private async refresh(waiting: ItemRun[]) {
		const byId = new Map(waiting.map((run) => [run.task!.id, run]));
		for (const ids of chunk([...byId.keys()], IDS_PER_LIST_CALL)) {
			let tasks: CreatifyTask[];
			try {
				tasks = await listTasksById(this.ctx, ids);
			} catch (error) {
				const failure = asNodeError(this.ctx, error, 0);
				const fatal =
					this.ctx.getExecutionCancelSignal()?.aborted ||
					// credentials revoked or the plan ended: waiting longer cannot help
					(failure instanceof NodeApiError && ['401', '403'].includes(failure.httpCode ?? ''));
				if (fatal) throw withCreatedTasks(failure, this.created);
				continue;
			}
			for (const task of tasks) {
				const run = byId.get(task.id);
				if (run) run.task = task;
			}
		}
	}

	/** Settles finished and failed runs; image-to-video runs go on to their video step (then returns true). */
	private async advance(waiting: ItemRun[]): Promise<boolean> {
		const toVideo: ItemRun[] = [];
		for (const run of waiting) {
			const state = taskState(run.step, run.task!.status);
			if (state === 'failed') {
				const message = `Task ${run.task!.id} failed at the ${run.step} step: ${run.task!.failed_reason || 'no reason given'}`;
				if (this.continueOnFail) {
					// an error item that carries the failed task record
					run.taskFailure = taskError(
						this.ctx,
						run,
						message,
						'Creatify could not render this item.',
					);
					run.settled = true;
				} else {
					this.fail(
						run,
						taskError(
							this.ctx,
							run,
							message,
							'Creatify could not render this item. Check the product image (a clear, direct image link) and the prompts.',
						),
					);
				}
			} else if (state === 'done') {
				if (run.step === 'image' && run.plan.thenVideo) toVideo.push(run);
				else run.settled = true;
			}
		}
		return await this.startVideos(toVideo);
	}

	/** Image-to-video runs whose image is done go on to their video step; true when any did. */
	private async startVideos(runs: ItemRun[]): Promise<boolean> {
		if (runs.length === 0) return false;
		for (const run of runs) run.step = 'video';
		await this.submit(runs, (run) => this.paid(run.plan.thenVideo!(run.task!.id)));
		return true;
	}

	/** Attaches the files of finished tasks (one at a time: each is streamed to n8n's binary store). */
	async download(runs: ItemRun[]) {
		for (const run of runs) {
			if (run.error || !run.task || taskState(run.step, run.task.status) !== 'done') continue;
			try {
				run.binary = await downloadFiles(this.ctx, run.task, this.settings.download);
			} catch (error) {
				this.fail(
					run,
					taskError(
						this.ctx,
						run,
						(error as Error).message,
						'The task is paid for and finished: fetch it with Get to obtain a fresh link.',
					),
				);
				this.throwIfStopped();
			}
		}
	}

	output(runs: ItemRun[]): INodeExecutionData[] {
		return runs.map((run) => {
			if (run.error) return errorItem(run.error, run.itemIndex);
			if (run.taskFailure) return errorItem(run.taskFailure, run.itemIndex, run.task);
			return {
				json: run.task as IDataObject,
				...(run.binary ? { binary: run.binary } : {}),
				pairedItem: { item: run.itemIndex },
			};
		});
	}

	async checkCredits(runs: ItemRun[]) {
		const needed = runs.reduce((sum, run) => sum + run.plan.credits, 0);
		if (needed === 0) return;
		const { remaining_credits: remaining } = await creatifyRequest(this.ctx, {
			method: 'GET',
			path: ['remaining_credits'],
			schema: creditsSchema,
		});
		if (remaining < needed) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				`Not enough Creatify credits for this run: it needs ${needed}, the account has ${remaining}`,
				{
					description: `${runs.length} item(s) were checked before anything was sent; nothing was spent. Top up credits in Creatify or run fewer items. (To skip this check, turn off the Check Credits First option.)`,
				},
			);
		}
	}
}

/**
 * Runs a paid operation over all items. `prepare` checks one item's parameters and returns its plan; it throws
 * the input error for a bad item, before anything is sent for any item.
 */
export async function runPaidItems(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	prepare: (itemIndex: number) => PaidItemPlan,
	settings: WaitSettings,
): Promise<INodeExecutionData[]> {
	const continueOnFail = ctx.continueOnFail();
	const output: Array<INodeExecutionData | undefined> = new Array(items.length);
	const runs: ItemRun[] = [];
	items.forEach((_, itemIndex) => {
		try {
			const plan = prepare(itemIndex);
			runs.push({ itemIndex, plan, step: plan.step, settled: false });
		} catch (error) {
			if (!continueOnFail) throw asNodeError(ctx, error, itemIndex);
			output[itemIndex] = errorItem(error, itemIndex);
		}
	});
	const callbackUrl =
		settings.mode === 'callback' && runs.length > 0 ? await callbackUrlFor(ctx) : undefined;
	const run = new PaidRun(ctx, settings, callbackUrl);
	if (settings.checkCredits && runs.length > 0) await run.checkCredits(runs);
	await run.submit(runs, (r) => run.paid(r.plan.request));
	if (settings.mode === 'poll') {
		await run.poll(runs.filter((r) => !r.error));
	} else if (callbackUrl) {
		await run.catchUp(runs.filter((r) => !r.error));
	}
	if (settings.mode !== 'none') await run.download(runs.filter((r) => r.settled));
	for (const [k, item] of run.output(runs).entries()) output[runs[k].itemIndex] = item;
	if (!callbackUrl) return output as INodeExecutionData[];

	const waiting = new Map<number, WaitState>();
	for (const r of runs.filter((candidate) => !candidate.error && !candidate.settled)) {
		// an image that finished while the batch was sent has had its video requested already
		const videoRequest =
			r.step === 'image' && r.plan.thenVideo && run.paid(r.plan.thenVideo(r.task!.id));
		waiting.set(r.itemIndex, {
			timed_out: true,
			step: r.step,
			...(videoRequest ? { video_request: videoRequest.body } : {}),
			...(settings.download.files !== 'none' ? { download: { ...settings.download } } : {}),
		});
	}
	if (waiting.size === 0) return output as INodeExecutionData[];
	return await suspendForCallbacks(
		ctx,
		output as INodeExecutionData[],
		waiting,
		new Date(Date.now() + settings.maxWaitMs),
	);
}

/** The execute() of a paid operation: its plan for one item, run on the engine with the node's wait settings. */
export function paidOperation(
	prepare: (ctx: IExecuteFunctions, itemIndex: number) => PaidItemPlan,
): (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]> {
	return async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPaidItems(
			this,
			items,
			(itemIndex) => prepare(this, itemIndex),
			readWaitSettings(this),
		);
	};
}
