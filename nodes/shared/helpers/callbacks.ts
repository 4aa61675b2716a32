/**
 * Reading Creatify's callbacks: an untrusted body (Creatify signs nothing) that names a job and, perhaps, its
 * status. Both the trigger and the waiting action read callbacks this way.
 */
import { z } from 'zod';

import { isUuid } from './validation';

/** A job record is a couple of KB; anything far larger is not a Creatify callback. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

const callbackSchema = z
	.object({
		id: z.string().refine(isUuid, 'must be a Creatify ID (a UUID)'),
		status: z.string().nullish(),
	})
	.passthrough();

export type CallbackBody = z.infer<typeof callbackSchema> & Record<string, unknown>;

export type CallbackParse =
	| { ok: true; body: CallbackBody }
	| { ok: false; httpStatus: number; error: string; message: string };

/** Reads a callback from the raw request bytes (or n8n's parsed body when the raw bytes are not kept). */
export function parseCallback(raw: Buffer | string | undefined, parsed: unknown): CallbackParse {
	let value: unknown = parsed;
	if (raw !== undefined && raw.length > 0) {
		if (raw.length > MAX_CALLBACK_BYTES) {
			return {
				ok: false,
				httpStatus: 413,
				error: 'body_too_large',
				message: `A Creatify callback is at most ${MAX_CALLBACK_BYTES} bytes`,
			};
		}
		try {
			value = JSON.parse(raw.toString());
		} catch {
			return { ok: false, httpStatus: 400, error: 'invalid_json', message: 'The body is not JSON' };
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return {
			ok: false,
			httpStatus: 400,
			error: 'invalid_body',
			message: 'The body must be a job record',
		};
	}
	const result = callbackSchema.safeParse(value);
	if (!result.success) {
		const issue = result.error.issues[0];
		return {
			ok: false,
			httpStatus: 400,
			error: 'invalid_body',
			message: `${issue.path.join('.') || 'body'}: ${issue.message}`,
		};
	}
	return { ok: true, body: result.data as CallbackBody };
}
