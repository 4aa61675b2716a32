/**
 * What the trigger does with one callback once it is known to be new: verify it with the API, filter it by the
 * node's settings, and record the delivery so that a repeat starts nothing.
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

/** The API's record of the job, or the answer to give when it cannot be had. */
async function verified(
	ctx: IWebhookFunctions,
	family: JobFamily,
	id: string,
): Promise<{ job: CreatifyJob } | { answer: IWebhookResponseData }> {
	try {
		return { job: await getJob(ctx, family, id) };
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') {
			const message = `No such ${family.noun.toLowerCase()} in this Creatify account`;
			return { answer: answerJson(ctx, 404, { error: 'unknown_task', message }) };
		}
		// Creatify could not be asked: answer with a temporary failure and start nothing unverified.
		const message = `Could not verify the ${family.noun.toLowerCase()} with Creatify`;
		return { answer: answerJson(ctx, 503, { error: 'verification_unavailable', message }) };
	}
}

function selected(ctx: IWebhookFunctions, family: JobFamily, job: IDataObject, event: string) {
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
	family: JobFamily,
	body: CallbackBody,
	book: DeliveryBook,
): Promise<IWebhookResponseData> {
	const verify = ctx.getNodeParameter('verifyWithApi', true) as boolean;
	const checked = verify ? await verified(ctx, family, body.id) : { job: body as CreatifyJob };
	if ('answer' in checked) return checked.answer;
	const { job } = checked;
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
		workflowData: [[{ json: { ...job, event, verified: verify } }]],
	};
}
