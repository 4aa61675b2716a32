/**
 * Following created jobs to their end: status checks by list calls of 100 IDs, follow-up requests for jobs whose
 * first step is done, polling until done, failed or out of time, and the downloads of finished jobs.
 */
import { NodeApiError } from 'n8n-workflow';

import { backoffDelay } from '../../shared/helpers/backoff';
import { abortableSleep } from '../../shared/helpers/sleep';
import { listByIds } from '../../shared/transport/jobs';
import { downloadFiles } from './download';
import { sendFollowUpOnce } from './followUp';
import { asNodeError } from './items';
import type { PaidRun } from './paidRun';
import type { ItemRun, Move } from './plan';
import { followUpDue, nextMove } from './plan';
import { knowsStatus, readStatus } from '../../shared/helpers/status';

/** Reads every run's job again. A failed status check is skipped (the next round tries again) unless fatal. */
async function refresh(run: PaidRun, runs: ItemRun[]) {
	const byId = new Map(runs.map((r) => [r.job!.id, r]));
	const onFailedCall = (error: unknown) => {
		const failure = asNodeError(run.ctx, error, 0);
		const fatal =
			run.ctx.getExecutionCancelSignal()?.aborted ||
			// credentials revoked or the plan ended: waiting longer cannot help
			(failure instanceof NodeApiError && ['401', '403'].includes(failure.httpCode ?? ''));
		if (fatal) throw run.withCreatedJobs(failure);
	};
	for (const job of await listByIds(run.ctx, run.family, [...byId.keys()], { onFailedCall })) {
		const itemRun = byId.get(job.id);
		if (itemRun) itemRun.job = job;
	}
}

function settleFailed(run: PaidRun, itemRun: ItemRun) {
	const { family } = run;
	const job = itemRun.job!;
	const verb = job.status && job.status !== 'failed' ? `was ${job.status}` : 'failed';
	// a job that goes through several steps in one run says which one failed
	const where = family.followUp ? ` at the ${itemRun.step} step` : '';
	const message = `${family.noun} ${job.id} ${verb}${where}: ${job.failed_reason || 'no reason given'}`;
	const description = `Creatify could not finish this item. ${family.failureAdvice}`;
	if (run.continueOnFail) {
		itemRun.jobFailure = run.jobError(itemRun, message, 'Creatify could not finish this item.');
		itemRun.settled = true;
	} else {
		run.fail(itemRun, run.jobError(itemRun, message, description));
	}
}

/** Sends the follow-up requests of these runs; their jobs are then followed for the next step. */
async function startFollowUps(run: PaidRun, runs: ItemRun[]) {
	const next = run.family.followUp?.starts;
	if (runs.length === 0 || !next) return;
	for (const itemRun of runs) itemRun.step = next;
	await run.submit(runs, (itemRun) =>
		sendFollowUpOnce(
			run.ctx,
			run.family,
			itemRun.job!.id,
			run.withCallbackUrl(itemRun.plan.followUp),
			itemRun.itemIndex,
		),
	);
}

/** What one round did: jobs settled, follow-ups started. */
interface Progress {
	settled: boolean;
	followedUp: boolean;
}

/**
 * Settles finished and failed runs and starts the follow-ups that are due. With `failedAsRecords` (callback
 * mode) a failed job settles as its record, as its callback would deliver it.
 */
async function advance(run: PaidRun, runs: ItemRun[], failedAsRecords = false): Promise<Progress> {
	const due: ItemRun[] = [];
	const settledBefore = runs.filter((r) => r.settled).length;
	for (const itemRun of runs) {
		const move: Move = nextMove(
			run.family,
			itemRun.step,
			followUpDue(itemRun),
			readStatus(run.family, itemRun.job!),
		);
		if (move === 'followUp') due.push(itemRun);
		else if (move === 'finish' || (move === 'fail' && failedAsRecords)) itemRun.settled = true;
		else if (move === 'fail') settleFailed(run, itemRun);
	}
	await startFollowUps(run, due);
	return {
		settled: runs.filter((r) => r.settled).length > settledBefore,
		followedUp: due.length > 0,
	};
}

/**
 * Callback mode, once everything is sent: status checks settle what already finished and start the follow-ups
 * already due, again after each round that moved a job on (sending follow-ups takes time, and more jobs finish
 * meanwhile), until a check finds nothing new. n8n refuses callbacks for an execution that is still running (it
 * is not waiting yet), so a job that finished while a long batch was being sent would otherwise never be heard
 * of again.
 */
export async function catchUp(run: PaidRun, runs: ItemRun[]) {
	for (;;) {
		const waiting = runs.filter((r) => !r.settled);
		if (waiting.length === 0) return;
		await refresh(run, waiting);
		const { followedUp } = await advance(run, waiting, true);
		run.throwIfStopped();
		// sending follow-ups took time: more jobs may have finished meanwhile
		if (!followedUp) return;
	}
}

function timeOut(run: PaidRun, itemRun: ItemRun) {
	const minutes = Math.round(run.settings.maxWaitMs / 600) / 100;
	const job = itemRun.job!;
	// a status the family's table does not name counts as working (Creatify adds statuses without notice): say so
	const unknown = knowsStatus(run.family, readStatus(run.family, job))
		? ''
		: `, which Creatify's pages do not list for ${run.family.displayName}; the node waits through statuses it does not know`;
	const message = `${run.family.noun} ${job.id} did not finish within ${minutes} minutes (status "${String(job.status)}"${unknown})`;
	const advice = `Creatify is still working on it and it is paid for: fetch it later with the Get operation and ${run.family.noun.toLowerCase()} ID ${job.id}, or raise Max Wait (Minutes).`;
	run.fail(itemRun, run.jobError(itemRun, message, advice));
}

/** Follows every unsettled run until done, failed or out of time; cancelling the execution stops at once. */
export async function poll(run: PaidRun, runs: ItemRun[]) {
	const deadline = Date.now() + run.settings.maxWaitMs;
	const signal = run.ctx.getExecutionCancelSignal();
	for (let round = 0; ; round++) {
		const waiting = runs.filter((r) => !r.settled);
		if (waiting.length === 0) return;
		const left = deadline - Date.now();
		if (left <= 0) break;
		await abortableSleep(Math.min(backoffDelay(run.settings.poll, round), left), signal);
		await refresh(run, waiting);
		// jobs started together finish together: once some finished (or started their follow-up), check the
		// others at the short interval again, so that each is seen soon after it is done
		const { settled, followedUp } = await advance(run, waiting);
		if (settled || followedUp) round = -1;
		run.throwIfStopped();
	}
	for (const itemRun of runs.filter((r) => !r.settled)) timeOut(run, itemRun);
	run.throwIfStopped();
}

/** Attaches the files of finished jobs (one at a time: each is streamed to n8n's binary store). */
export async function downloadFinished(run: PaidRun, runs: ItemRun[]) {
	for (const itemRun of runs) {
		if (itemRun.error || itemRun.jobFailure || !itemRun.job) continue;
		if (nextMove(run.family, itemRun.step, false, readStatus(run.family, itemRun.job)) !== 'finish')
			continue;
		try {
			itemRun.binary = await downloadFiles(run.ctx, run.family, itemRun.job, itemRun.download);
		} catch (error) {
			const advice = `The ${run.family.noun.toLowerCase()} is paid for and finished: fetch it with Get to obtain a fresh link.`;
			run.fail(itemRun, run.jobError(itemRun, (error as Error).message, advice));
			run.throwIfStopped();
		}
	}
}
