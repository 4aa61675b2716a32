/**
 * Rule that must not regress: a delivery the trigger emits reaches the workflow's saved static data, so that a
 * repeat after n8n restarts, or on another n8n process, starts nothing.
 *
 * Why it takes code: n8n 2.x saves a webhook request's static data when it answers the request, and only if the
 * data is marked changed. Starting the execution builds a new Workflow over the same static data object, which
 * clears that mark (n8n-workflow's ObservableObject.create), so a record written while emitting would never be
 * saved. The trigger therefore marks its static data changed again on every turn of the event loop until the
 * answer has gone out. When n8n answers with an error instead (the execution did not start), the delivery is
 * forgotten, so that Creatify's next try can start it.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { abortableSleep } from '../shared/helpers/sleep';

/** How long to wait for n8n's answer before giving up marking (n8n answers within seconds). */
const MAX_WAIT_MS = 120_000;

export function keepUntilAnswered(
	ctx: IWebhookFunctions,
	nodeData: IDataObject,
	onFailedStart: () => void,
): void {
	const response = ctx.getResponseObject();
	// as soon as the answer is written, before the caller can send the callback again
	response.once('finish', () => {
		if (response.statusCode >= 400) onFailedStart();
	});
	const startedAt = Date.now();
	const answered = () => response.writableEnded || response.destroyed;
	void (async () => {
		while (!answered() && Date.now() - startedAt < MAX_WAIT_MS) {
			// any write through the node's static data marks the whole as changed
			nodeData.recordedAt = startedAt;
			await abortableSleep(1);
		}
	})();
}
