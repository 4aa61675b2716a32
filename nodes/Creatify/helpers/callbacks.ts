/**
 * Pure rules for Creatify's task callbacks: reading an untrusted body, naming the event a task status means,
 * and remembering deliveries so that a repeat starts nothing. Creatify signs nothing and may deliver twice.
 */
import { z } from 'zod';

import { isUuid } from './validation';

export const CALLBACK_EVENTS = ['imageReady', 'videoReady', 'failed'] as const;
export type CallbackEvent = (typeof CALLBACK_EVENTS)[number];

/** A task object is a couple of KB; anything far larger is not a Creatify callback. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

const callbackSchema = z
	.object({
		id: z.string().refine(isUuid, 'must be a task ID (a UUID)'),
		status: z.string().nullish(),
		type: z.string().nullish(),
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
		return { ok: false, httpStatus: 400, error: 'invalid_body', message: 'The body must be a task object' };
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

/**
 * The event a task's status stands for, or undefined while it is still working. `claimed` is the status the
 * callback said: a callback for the image step can arrive after the video step has already begun, when the
 * record says `video_generating` but the image is done.
 */
export function eventFor(status: unknown, claimed?: unknown): CallbackEvent | undefined {
	switch (status) {
		case 'video_generated':
			return 'videoReady';
		case 'failed':
			return 'failed';
		case 'image_generated':
			return 'imageReady';
		case 'video_generating':
			return claimed === 'image_generated' ? 'imageReady' : undefined;
		default:
			return undefined;
	}
}

/** How many deliveries the trigger remembers to spot repeats (oldest forgotten first). */
export const REMEMBERED_DELIVERIES = 1000;

export type DeliveryLog = Record<string, number>;

export function hasDelivery(log: DeliveryLog, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(log, key);
}

/**
 * Records a delivery of `key` (task id + event) at `now`. Returns false when it was seen already. The log is a
 * plain object so that n8n can keep it in the workflow's static data.
 */
export function recordDelivery(
	log: DeliveryLog,
	key: string,
	now: number,
	limit = REMEMBERED_DELIVERIES,
): boolean {
	if (hasDelivery(log, key)) return false;
	log[key] = now;
	// string keys keep insertion order (also through JSON), so the first keys are the oldest
	const keys = Object.keys(log);
	for (let i = 0; i < keys.length - limit; i++) delete log[keys[i]];
	return true;
}
