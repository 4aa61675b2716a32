/** What one input item asks of the engine, and where its job stands. */
import type { IBinaryKeyData, IDataObject, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { familyStep } from '../../shared/families/types';
import type { JobFamily } from '../../shared/families/types';
import type { CreatifyJob } from '../../shared/helpers/schemas';
import { jobState, stepStarted } from '../../shared/helpers/status';
import type { CreatifyRequest, UploadFile } from '../../shared/transport';
import type { DownloadSettings } from './download';

/** A request sent just before the paid one, whose answer completes its body (URL to Video: the page's link). */
export interface Prelude {
	request: CreatifyRequest<IDataObject>;
	/** the fields of the paid request's body that come from the answer */
	fill: (answer: IDataObject) => IDataObject;
	/** what the answer made, said when the paid request then fails, so that it can be reused */
	made: (answer: IDataObject) => string;
}

/**
 * The paid POST that creates one of the family's jobs: POST <path>/ with `body` (and `files`, sent as a multipart
 * request). `noun` names the job in messages, e.g. 'voice-over'.
 */
export function jobCreation(
	family: JobFamily,
	itemIndex: number,
	noun: string,
	body: IDataObject,
	files?: Record<string, UploadFile>,
): CreatifyRequest<CreatifyJob> {
	return {
		method: 'POST',
		path: family.path,
		body,
		...(files && Object.keys(files).length ? { files } : {}),
		schema: family.schema,
		itemIndex,
		noun,
		spendsCredits: true,
	};
}

export interface PaidItemPlan {
	/** sent first; when it fails the paid request is not sent and nothing is spent on the item */
	prelude?: Prelude;
	/** the paid request that starts the work */
	request: CreatifyRequest<CreatifyJob>;
	/** the step `request` starts */
	step: string;
	/** the body of the family's follow-up request, sent once `step` is done (e.g. image, then video) */
	followUp?: IDataObject;
	/** what the price depends on besides the body, never sent (Aurora: the audio's length in seconds) */
	costFacts?: IDataObject;
}

export interface ItemRun {
	itemIndex: number;
	plan: PaidItemPlan;
	download: DownloadSettings;
	/** the step the job is followed for now */
	step: string;
	job?: CreatifyJob;
	binary?: IBinaryKeyData;
	/** the item failed: an error item */
	error?: NodeApiError | NodeOperationError;
	/** Continue On Fail: the job failed at Creatify; an error item carrying its record */
	jobFailure?: NodeOperationError;
	/** true once the job reached the end of its last step, or failed */
	settled: boolean;
}

/** Credits a plan spends: its first step, and the follow-up step when it has one. */
export function planCredits(family: JobFamily, plan: PaidItemPlan): number {
	const first = familyStep(family, plan.step).cost.credits({
		...plan.request.body,
		...plan.costFacts,
	});
	if (!plan.followUp || !family.followUp) return first;
	return first + familyStep(family, family.followUp.starts).cost.credits(plan.followUp);
}

export type Move = 'wait' | 'followUp' | 'finish' | 'fail';

/**
 * What to do with a job followed for `step`, when `followUpDue` says its follow-up has not been sent: wait, send
 * the follow-up, or settle it as finished or failed. A follow-up that Creatify shows started counts as sent.
 */
export function nextMove(
	family: JobFamily,
	step: string,
	followUpDue: boolean,
	status: unknown,
): Move {
	const state = jobState(family, step, status);
	if (state !== 'done') return state === 'failed' ? 'fail' : 'wait';
	if (!followUpDue || !family.followUp) return 'finish';
	const next = family.followUp.starts;
	if (!stepStarted(family, next, status)) return 'followUp';
	return nextMove(family, next, false, status);
}

/** Whether the run still has a follow-up to send. */
export function followUpDue(run: ItemRun): boolean {
	return run.plan.followUp !== undefined && run.step === run.plan.step;
}
