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

/**
 * Keys seen recently in this process, forgotten after `ttlMs`. n8n loads a workflow's static data afresh for
 * every webhook request and saves it only when an execution ends, so copies of one callback that arrive
 * together would all pass the static-data check; this catches them within one n8n process.
 */
export class RecentKeys {
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly ttlMs = 10 * 60_000,
		private readonly limit = 10_000,
	) {}

	/** Takes `key` if nobody holds it; false when it is held (a copy in flight or just handled). */
	claim(key: string, now: number): boolean {
		for (const [old, at] of this.seen) {
			if (now - at < this.ttlMs && this.seen.size <= this.limit) break;
			this.seen.delete(old);
		}
		if (this.seen.has(key)) return false;
		this.seen.set(key, now);
		return true;
	}

	release(key: string): void {
		this.seen.delete(key);
	}
}
