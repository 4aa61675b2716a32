/**
 * A job's paid follow-up request (Product Video: the video of a finished image), sent at most once per job in an
 * n8n process, whatever the timing.
 *
 * Rules that must not regress:
 * - Creatify may deliver a callback more than once, and copies can arrive together or while the first
 *   follow-up request is still in flight. Only the first claim sends; the others keep waiting.
 * - A refusal because the follow-up had already started (a copy handled by another process) is not a failure:
 *   the job is checked, and the item keeps waiting for it.
 * - A real failure is remembered, so that a later copy of the callback reports it again instead of paying.
 */
import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { JobFamily } from '../../shared/families/types';
import { RecentKeys } from '../../shared/helpers/recentKeys';
import type { CreatifyJob } from '../../shared/helpers/schemas';
import { readStatus, stepStarted } from '../../shared/helpers/status';
import { creatifyRequest } from '../../shared/transport';
import { followUpRequest, getJob } from '../../shared/transport/jobs';
import { asNodeError } from './items';

/** Renders take minutes; a repeat after this long finds the job's status moved on anyway. */
const REMEMBER_MS = 60 * 60_000;

type Note = { failed?: Error };
const followUps = new RecentKeys<Note>(REMEMBER_MS);

/** Whether Creatify shows the job's follow-up step as started (or further). */
async function followUpStarted(
	ctx: IExecuteFunctions | IWebhookFunctions,
	family: JobFamily,
	jobId: string,
): Promise<boolean> {
	try {
		const job = await getJob(ctx, family, jobId);
		return stepStarted(family, family.followUp!.starts, readStatus(family, job));
	} catch {
		return false;
	}
}

/** The error of this job's follow-up, when this process sent it and it failed. */
export function followUpFailure(family: JobFamily, jobId: string): Error | undefined {
	return followUps.noteOf(`${family.name}:${jobId}`)?.failed;
}

/**
 * Sends the follow-up of job `jobId`. Returns the job as Creatify answered, or 'sentAlready' when this process
 * sent it before, is sending it now, or Creatify shows it started; throws when it failed.
 */
export async function sendFollowUpOnce(
	ctx: IExecuteFunctions | IWebhookFunctions,
	family: JobFamily,
	jobId: string,
	body: IDataObject,
	itemIndex?: number,
): Promise<CreatifyJob | 'sentAlready'> {
	const key = `${family.name}:${jobId}`;
	if (!followUps.claim(key, Date.now(), {})) {
		const failed = followUpFailure(family, jobId);
		if (failed) throw failed;
		return 'sentAlready';
	}
	try {
		return await creatifyRequest(ctx, followUpRequest(family, jobId, body, itemIndex));
	} catch (error) {
		if (await followUpStarted(ctx, family, jobId)) return 'sentAlready';
		const failed = asNodeError(ctx, error, itemIndex ?? 0);
		followUps.annotate(key, { failed });
		throw failed;
	}
}
