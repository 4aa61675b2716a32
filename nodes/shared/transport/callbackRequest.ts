import type { IWebhookFunctions } from 'n8n-workflow';

import type { CallbackParse } from '../helpers/callbacks';
import { MAX_CALLBACK_BYTES, parseCallback } from '../helpers/callbacks';

/** What the node reads of n8n's request object (an Express request: a readable stream). */
type WebhookRequest = AsyncIterable<Buffer> & { rawBody?: Buffer; readableEnded?: boolean };

/** The request body as bytes, read up to one byte past `max` (enough to tell that it is too large). */
async function readUpTo(request: WebhookRequest, max: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of request) {
		chunks.push(chunk);
		length += chunk.length;
		if (length > max) break;
	}
	return Buffer.concat(chunks);
}

/**
 * Reads a Creatify callback from a webhook request: the bytes n8n kept when it parsed the body, or else the
 * request itself. n8n parses the body before a webhook node of version 2 or later runs only for the content
 * types it knows (JSON, text, forms, XML), so a callback sent without a Content-Type arrives unread.
 */
export async function readCallback(ctx: IWebhookFunctions): Promise<CallbackParse> {
	const request = ctx.getRequestObject() as unknown as WebhookRequest;
	const raw =
		request.rawBody ??
		(request.readableEnded ? undefined : await readUpTo(request, MAX_CALLBACK_BYTES));
	return parseCallback(raw, ctx.getBodyData());
}
