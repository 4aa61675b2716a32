/**
 * The engine every paid operation runs on: it checks all items first, optionally checks credits, submits the
 * paid requests with bounded concurrency, then follows the jobs as the wait mode says: not at all, by polling
 * the list endpoint, or by suspending the execution until Creatify calls back.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { JobFamily } from '../../shared/families/types';
import { creatifyRequest } from '../../shared/transport';
import type { DeadlineMark } from './callback';
import { callbackUrlFor, suspendForCallbacks } from './callback';
import { readDownloadSettings } from './download';
import { catchUp, downloadFinished, poll } from './follow';
import { asNodeError, eachItem } from './items';
import { PaidRun } from './paidRun';
import type { ItemRun, PaidItemPlan, Prelude } from './plan';
import { followUpDue } from './plan';
import type { WaitSettings } from './settings';
import { readWaitSettings } from './settings';

type Output = Array<INodeExecutionData | undefined>;

/** One item's plan; it may read files' sizes or a template from Creatify, never anything paid. */
type Prepare = (itemIndex: number) => PaidItemPlan | Promise<PaidItemPlan>;

/** Every item's plan, checked before anything is sent; a bad item stops the run or, continuing, is an error item. */
async function prepareAll(
	ctx: IExecuteFunctions,
	family: JobFamily,
	count: number,
	prepare: Prepare,
	output: Output,
): Promise<ItemRun[]> {
	const outcomes = await eachItem(ctx, count, async (itemIndex): Promise<ItemRun> => {
		const plan = await prepare(itemIndex);
		const download = readDownloadSettings(ctx, family, itemIndex);
		return { itemIndex, plan, download, step: plan.step, settled: false };
	});
	const runs: ItemRun[] = [];
	for (const outcome of outcomes) {
		if ('failed' in outcome) output[outcome.itemIndex] = outcome.failed;
		else runs.push(outcome.result);
	}
	return runs;
}

/** The marks of the runs still waiting when the execution suspends. */
function deadlineMarks(run: PaidRun, runs: ItemRun[]): Map<number, DeadlineMark> {
	const marks = new Map<number, DeadlineMark>();
	for (const itemRun of runs.filter((r) => !r.error && !r.settled)) {
		const { plan, download } = itemRun;
		marks.set(itemRun.itemIndex, {
			timed_out: true,
			step: itemRun.step,
			...(followUpDue(itemRun) ? { follow_up: run.withCallbackUrl(plan.followUp) } : {}),
			...(download.files !== 'none' ? { download: { ...download } } : {}),
		});
	}
	return marks;
}

/** The error of an item's request, with a sentence added to its description. */
function withNote(ctx: IExecuteFunctions, error: unknown, itemIndex: number, note: string) {
	const failure = asNodeError(ctx, error, itemIndex);
	failure.description = `${failure.description ?? ''} ${note}`.trim();
	return failure;
}

async function sendPrelude(ctx: IExecuteFunctions, prelude: Prelude) {
	try {
		return await creatifyRequest(ctx, prelude.request);
	} catch (error) {
		const note = 'The paid request was not sent for this item: nothing was spent on it.';
		throw withNote(ctx, error, prelude.request.itemIndex ?? 0, note);
	}
}

/** The item's paid request was not sent because the run stopped while its prelude was answered. */
function notSent(ctx: IExecuteFunctions, itemIndex: number) {
	return new NodeOperationError(
		ctx.getNode(),
		"Not sent: the run stopped before this item's paid request",
		{
			itemIndex,
			description:
				'Another item failed, or the execution was cancelled, while this item was being prepared; its paid request was not sent and nothing was spent on it.',
		},
	);
}

/**
 * The plan's prelude, if any, then its paid request with the prelude's answer in the body. A run that stopped
 * while the prelude was answered sends no more paid requests.
 */
async function sendPlan(ctx: IExecuteFunctions, run: PaidRun, plan: PaidItemPlan) {
	const { prelude, request } = plan;
	if (!prelude) {
		return await creatifyRequest(ctx, { ...request, body: run.withCallbackUrl(request.body) });
	}
	const answer = await sendPrelude(ctx, prelude);
	if (run.isStopped() || ctx.getExecutionCancelSignal()?.aborted)
		throw notSent(ctx, request.itemIndex ?? 0);
	try {
		const body = run.withCallbackUrl({ ...request.body, ...prelude.fill(answer) });
		return await creatifyRequest(ctx, { ...request, body });
	} catch (error) {
		throw withNote(ctx, error, request.itemIndex ?? 0, prelude.made(answer));
	}
}

/**
 * Callback mode serves a run of at most Max Items for Callbacks items: for each callback n8n loads the whole
 * waiting execution, and past a few hundred items a batch finishing together outruns one n8n process
 * (bench:callbacks). A bigger run polls instead, and the output pane says so.
 */
function servableSettings(ctx: IExecuteFunctions, settings: WaitSettings, count: number) {
	const limit = settings.callbackItemLimit;
	if (settings.mode !== 'callback' || limit === 0 || count <= limit) return settings;
	ctx.addExecutionHints({
		message: `Polled instead of waiting for callbacks: ${count} items are more than Max Items for Callbacks (${limit}). n8n answers Creatify's callbacks too slowly for a batch this big. To keep callback mode, split the items with Loop Over Items, or raise the option if your n8n keeps up.`,
		type: 'warning',
		location: 'outputPane',
	});
	return { ...settings, mode: 'poll' as const };
}

/**
 * Runs a paid operation over all items. `prepare` checks one item's parameters and returns its plan; it throws
 * the input error for a bad item, before anything is sent for any item.
 */
async function runPaidItems(
	ctx: IExecuteFunctions,
	family: JobFamily,
	prepare: Prepare,
	chosen: WaitSettings,
): Promise<INodeExecutionData[]> {
	const output: Output = new Array(ctx.getInputData().length);
	const runs = await prepareAll(ctx, family, output.length, prepare, output);
	const settings = servableSettings(ctx, chosen, runs.length);
	const callbackUrl =
		settings.mode === 'callback' && runs.length > 0 ? await callbackUrlFor(ctx) : undefined;
	const run = new PaidRun(ctx, family, settings, callbackUrl);
	if (settings.maxCredits > 0) run.checkCap(runs, settings.maxCredits);
	if (settings.checkCredits && runs.length > 0) await run.checkCredits(runs);
	await run.submit(runs, (r) => sendPlan(ctx, run, r.plan));
	const sent = runs.filter((r) => !r.error);
	if (settings.mode === 'poll') await poll(run, sent);
	if (callbackUrl) await catchUp(run, sent);
	if (settings.mode !== 'none')
		await downloadFinished(
			run,
			runs.filter((r) => r.settled),
		);
	for (const [k, item] of run.output(runs).entries()) output[runs[k].itemIndex] = item;
	const marks = callbackUrl ? deadlineMarks(run, runs) : new Map<number, DeadlineMark>();
	if (marks.size === 0) return output as INodeExecutionData[];
	const deadline = new Date(Date.now() + settings.maxWaitMs);
	return await suspendForCallbacks(ctx, output as INodeExecutionData[], marks, deadline);
}

/** The execute() of a paid operation of `family`: its plan for one item, run with the node's wait settings. */
export function paidOperation(
	family: JobFamily,
	prepare: (ctx: IExecuteFunctions, itemIndex: number) => PaidItemPlan | Promise<PaidItemPlan>,
): (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]> {
	return async function execute(this: IExecuteFunctions) {
		const settings = readWaitSettings(this);
		return await runPaidItems(this, family, (itemIndex) => prepare(this, itemIndex), settings);
	};
}
