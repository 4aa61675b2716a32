/**
 * What the trigger does with one callback once it is known to be new: find the job family it belongs to, verify
 * it with the API, filter it by the node's settings, and record the delivery so that a repeat starts nothing.
 *
 * A callback does not say its family (Creatify signs and labels nothing), so the families selected in the node
 * are asked in turn, those whose statuses include the callback's status first; the first that has the job owns
 * it.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { FAMILIES } from '../shared/families';
import type { JobFamily } from '../shared/families/types';
import type { CallbackBody } from '../shared/helpers/callbacks';
import type { CreatifyJob } from '../shared/helpers/schemas';
import { knowsStatus, readStatus, reportedStep } from '../shared/helpers/status';
import { answerJson } from '../shared/transport/answer';
import { getJob } from '../shared/transport/jobs';

/** The event of a genuine callback about a job that still works: its status changed. */
export const STATUS_CHANGED = 'statusChanged';

/**
 * A callback whose job the API says is still working: a status change when the body says so too (or says no
 * status); undefined when the body claims a finished step, which the API denies (forged or premature).
 */
function progress(family: JobFamily, body: CallbackBody): string | undefined {
	return eventFor(family, readStatus(family, body)) === undefined ? STATUS_CHANGED : undefined;
}

/** The trigger event a status stands for ('failed', or a step's event), or undefined while working. */
export function eventFor(
	family: JobFamily,
	status: unknown,
	claimed?: unknown,
): string | undefined {
	const step = reportedStep(family, status, claimed);
	if (step === undefined || step === 'failed') return step;
	return family.steps.find((candidate) => candidate.name === step)?.event.value;
}

/**
 * How well a callback body's fields fit a family's callback: below 0 for a body with fields only the family's
 * records have (-1 for each, so that the family whose records share more of them comes first), 0 for an exact
 * fit, more for each documented field missing, 10 for a family that may post any part of its record, 100 for a
 * body with fields the family never posts.
 */
function shapeMisfit(family: JobFamily, keys: readonly string[]): number {
	const own = family.recordFields?.filter((field) => keys.includes(field)).length ?? 0;
	if (own > 0) return -own;
	const fields = family.callbackFields;
	if (!fields) return 10;
	if (!keys.every((key) => fields.includes(key))) return 100;
	return fields.length - keys.length;
}

/**
 * The families a callback may belong to, in the order to ask: the chosen ones before the others (a job of a
 * family not chosen is still verified, then ignored); within those, the ones that know its status; then the
 * ones whose callbacks have its fields.
 */
export function candidateFamilies(
	families: readonly JobFamily[],
	chosen: readonly JobFamily[],
	body: { status?: unknown } & Record<string, unknown>,
): JobFamily[] {
	const keys = Object.keys(body);
	const rank = (family: JobFamily) =>
		(chosen.includes(family) ? 0 : 1000) +
		(knowsStatus(family, readStatus(family, body)) ? 0 : 200) +
		shapeMisfit(family, keys);
	return [...families].sort((a, b) => rank(a) - rank(b));
}

/** The families the node's Job Types select; none selected means all. */
export function chosenFamilies(ctx: IWebhookFunctions): JobFamily[] {
	const names = ctx.getNodeParameter('jobTypes', []) as string[];
	const chosen = FAMILIES.filter((family: JobFamily) => names.includes(family.name));
	return chosen.length > 0 ? chosen : [...FAMILIES];
}

type Owned = { family: JobFamily; job: CreatifyJob } | { answer: IWebhookResponseData };

/**
 * The API's record of the job, from the first candidate family that has it, or the answer to give. A family
 * that cannot be asked (an error other than "not found") does not stop the others being asked; only when no
 * family has the job and one could not be asked is the answer a temporary failure.
 */
async function verified(
	ctx: IWebhookFunctions,
	candidates: JobFamily[],
	id: string,
): Promise<Owned> {
	let unanswered = false;
	for (const family of candidates) {
		try {
			return { family, job: await getJob(ctx, family, id) };
		} catch (error) {
			const notFound =
				error instanceof NodeApiError && ['400', '404'].includes(error.httpCode ?? '');
			if (!notFound) unanswered = true;
		}
	}
	if (unanswered) {
		// start nothing unverified; Creatify or the sender may try again
		const message = 'Could not verify the job with Creatify';
		return { answer: answerJson(ctx, 503, { error: 'verification_unavailable', message }) };
	}
	const noun = candidates.length === 1 ? candidates[0].noun.toLowerCase() : 'job';
	const message = `No such ${noun} in this Creatify account`;
	return { answer: answerJson(ctx, 404, { error: 'unknown_job', message }) };
}

/** Unverified: the posted body as it came, owned by the first family that knows its status. */
function unverified(ctx: IWebhookFunctions, candidates: JobFamily[], body: CallbackBody): Owned {
	const family = candidates.find((candidate) =>
		knowsStatus(candidate, readStatus(candidate, body)),
	);
	if (family) return { family, job: body as CreatifyJob };
	const message = `Job status is "${String(body.status)}"`;
	return { answer: answerJson(ctx, 409, { error: 'job_not_finished', message }) };
}

function selected(ctx: IWebhookFunctions, family: JobFamily, job: IDataObject, event: string) {
	if (!chosenFamilies(ctx).includes(family)) return false;
	const events = ctx.getNodeParameter('events', []) as string[];
	if (!events.includes(event)) return false;
	if (!family.kind) return true;
	const known = family.kind.options.map((option) => option.value);
	const kinds = (ctx.getNodeParameter(family.kind.parameter.name, []) as string[]).filter((k) =>
		known.includes(k),
	);
	return kinds.length === 0 || kinds.includes(String(job[family.kind.field]));
}

/** What the trigger answers a callback, and the delivery it recorded when it starts the workflow. */
export interface Outcome {
	answer: IWebhookResponseData;
	/** job id + event, recorded as delivered */
	delivery?: string;
}

const answered = (answer: IWebhookResponseData): Outcome => ({ answer });

/** Verifies a callback, filters it and, when it is new, starts the workflow with the job record. */
export async function emitVerified(
	ctx: IWebhookFunctions,
	candidates: JobFamily[],
	body: CallbackBody,
	/** records a delivery as emitted; false when it was emitted already */
	record: (delivery: string) => boolean,
): Promise<Outcome> {
	const verify = ctx.getNodeParameter('verifyWithApi', true) as boolean;
	const owned = verify
		? await verified(ctx, candidates, body.id)
		: unverified(ctx, candidates, body);
	if ('answer' in owned) return answered(owned.answer);
	const { family, job } = owned;
	const event =
		eventFor(family, readStatus(family, job), readStatus(family, body)) ?? progress(family, body);
	if (event === undefined) {
		const message = `${family.noun} status is "${String(job.status)}"`;
		return answered(answerJson(ctx, 409, { error: 'job_not_finished', message }));
	}
	if (event === STATUS_CHANGED && !selected(ctx, family, job, event)) {
		// Creatify also calls back when a job moves on ("we might send multiple requests for status changes")
		const status = job.status ?? null;
		return answered(answerJson(ctx, 200, { received: true, ignored: 'status change', status }));
	}
	if (!selected(ctx, family, job, event)) {
		return answered(
			answerJson(ctx, 200, { received: true, ignored: 'not selected in the trigger' }),
		);
	}
	// two different bodies for the same job and event (a stale copy and a current one) also start one execution;
	// a status change is one event per status reached
	const delivery =
		event === STATUS_CHANGED ? `${job.id}:${event}:${String(job.status)}` : `${job.id}:${event}`;
	if (!record(delivery)) {
		return answered(answerJson(ctx, 200, { received: true, duplicate: true }));
	}
	// n8n sends this answer once it has created the execution: Creatify never hears 200 for a workflow that did
	// not start (an answer written here would go out first, and a failed start would lose the event)
	const answer = {
		webhookResponse: { received: true, jobId: job.id, event },
		workflowData: [[{ json: { ...job, event, jobType: family.name, verified: verify } }]],
	};
	return { answer, delivery };
}
