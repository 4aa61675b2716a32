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

import type { JobFamily } from '../shared/families/types';
import type { CallbackBody } from '../shared/helpers/callbacks';
import type { CreatifyJob } from '../shared/helpers/schemas';
import { reportedStep } from '../shared/helpers/status';
import { answerJson } from '../shared/transport/answer';
import { getJob } from '../shared/transport/jobs';
import type { DeliveryBook } from './deliveries';

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

function knowsStatus(family: JobFamily, status: unknown): boolean {
	if (typeof status !== 'string') return false;
	if (family.failed.includes(status)) return true;
	return family.steps.some((step) => step.working.includes(status) || step.done.includes(status));
}

/**
 * The families a callback may belong to, in the order to ask: the chosen ones before the others (a job of a
 * family not chosen is still verified, then ignored), and within each, those that know its status first.
 */
export function candidateFamilies(
	families: readonly JobFamily[],
	chosen: readonly JobFamily[],
	status: unknown,
): JobFamily[] {
	const rank = (family: JobFamily) =>
		(chosen.includes(family) ? 0 : 2) + (knowsStatus(family, status) ? 0 : 1);
	return [...families].sort((a, b) => rank(a) - rank(b));
}

/** The families the node's Job Types select; none selected means all. */
export function chosenFamilies(
	ctx: IWebhookFunctions,
	families: readonly JobFamily[],
): JobFamily[] {
	const names = ctx.getNodeParameter('jobTypes', []) as string[];
	const chosen = families.filter((family) => names.includes(family.name));
	return chosen.length > 0 ? chosen : [...families];
}

type Owned = { family: JobFamily; job: CreatifyJob } | { answer: IWebhookResponseData };

/** The API's record of the job, from the first candidate family that has it, or the answer to give. */
async function verified(
	ctx: IWebhookFunctions,
	candidates: JobFamily[],
	id: string,
): Promise<Owned> {
	for (const family of candidates) {
		try {
			return { family, job: await getJob(ctx, family, id) };
		} catch (error) {
			if (error instanceof NodeApiError && error.httpCode === '404') continue;
			// Creatify could not be asked: answer with a temporary failure and start nothing unverified.
			const message = `Could not verify the ${family.noun.toLowerCase()} with Creatify`;
			return { answer: answerJson(ctx, 503, { error: 'verification_unavailable', message }) };
		}
	}
	const noun = candidates.length === 1 ? candidates[0].noun.toLowerCase() : 'job';
	const message = `No such ${noun} in this Creatify account`;
	return { answer: answerJson(ctx, 404, { error: 'unknown_task', message }) };
}

/** Unverified: the posted body as it came, owned by the first family that knows its status. */
function unverified(ctx: IWebhookFunctions, candidates: JobFamily[], body: CallbackBody): Owned {
	const family = candidates.find((candidate) => knowsStatus(candidate, body.status));
	if (family) return { family, job: body as CreatifyJob };
	const message = `Job status is "${String(body.status)}"`;
	return { answer: answerJson(ctx, 409, { error: 'task_not_finished', message }) };
}

function selected(ctx: IWebhookFunctions, family: JobFamily, job: IDataObject, event: string) {
	const families = ctx.getNodeParameter('jobTypes', []) as string[];
	if (families.length > 0 && !families.includes(family.name)) return false;
	const events = ctx.getNodeParameter('events', []) as string[];
	if (!events.includes(event)) return false;
	if (!family.kind) return true;
	const known = family.kind.options.map((option) => option.value);
	const kinds = (ctx.getNodeParameter('productTypes', []) as string[]).filter((k) =>
		known.includes(k),
	);
	return kinds.length === 0 || kinds.includes(String(job[family.kind.field]));
}

/** Verifies a callback, filters it and, when it is new, starts the workflow with the job record. */
export async function emitVerified(
	ctx: IWebhookFunctions,
	candidates: JobFamily[],
	body: CallbackBody,
	book: DeliveryBook,
): Promise<IWebhookResponseData> {
	const verify = ctx.getNodeParameter('verifyWithApi', true) as boolean;
	const owned = verify
		? await verified(ctx, candidates, body.id)
		: unverified(ctx, candidates, body);
	if ('answer' in owned) return owned.answer;
	const { family, job } = owned;
	const event = eventFor(family, job.status, body.status);
	if (event === undefined) {
		const message = `${family.noun} status is "${String(job.status)}"`;
		return answerJson(ctx, 409, { error: 'task_not_finished', message });
	}
	if (!selected(ctx, family, job, event)) {
		return answerJson(ctx, 200, { received: true, ignored: 'not selected in the trigger' });
	}
	// two different bodies for the same job and event (a stale copy and a current one) also start one execution
	if (!book.record(`${job.id}:${event}`, Date.now())) {
		return answerJson(ctx, 200, { received: true, duplicate: true });
	}
	// n8n sends this answer once it has created the execution: Creatify never hears 200 for a workflow that did
	// not start (an answer written here would go out first, and a failed start would lose the event)
	return {
		webhookResponse: { received: true, taskId: job.id, event },
		workflowData: [[{ json: { ...job, event, jobType: family.name, verified: verify } }]],
	};
}
