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
		return {
			ok: false,
			httpStatus: 400,
			error: 'invalid_body',
			message: 'The body must be a task object',
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

/** task id + event → when it was first delivered (ms). A plain object, so that n8n can keep it in static data. */
export type DeliveryLog = Record<string, number>;

/**
 * One process's record of the deliveries a trigger node emitted, kept in step with the copies of the node's
 * static data that webhook requests work on. n8n loads a copy of static data when a request arrives and saves
 * that copy whole when the request is done, so requests in flight together overwrite each other's records
 * (the last save wins), in one process or across several. Each copy a request loads is merged with the book
 * (learning what other processes saved, restoring what an overwrite dropped), and each new record goes into
 * every copy still open, so that whichever copy this process saves last holds all of them.
 */
export class DeliveryBook {
	private readonly known = new Map<string, number>();
	private open: Array<{ log: DeliveryLog; at: number }> = [];

	constructor(
		private readonly limit = REMEMBERED_DELIVERIES,
		/** how long a loaded copy may still be saved by n8n */
		private readonly openMs = 60_000,
		private readonly maxOpen = 200,
	) {}

	/** Merges a copy of the log just loaded from static data and keeps it open for new records. */
	attach(log: DeliveryLog, now: number): void {
		for (const [key, at] of Object.entries(log)) if (!this.known.has(key)) this.known.set(key, at);
		trim(this.known, this.limit);
		for (const [key, at] of this.known) if (log[key] === undefined) log[key] = at;
		trimLog(log, this.limit);
		this.open = this.open.filter((copy) => now - copy.at < this.openMs).slice(-(this.maxOpen - 1));
		this.open.push({ log, at: now });
	}

	has(key: string): boolean {
		return this.known.has(key);
	}

	/** Records `key` as delivered at `now`; false when it was delivered already. */
	record(key: string, now: number): boolean {
		if (this.known.has(key)) return false;
		this.known.set(key, now);
		trim(this.known, this.limit);
		for (const { log } of this.open) {
			log[key] = now;
			trimLog(log, this.limit);
		}
		return true;
	}
}

/**
 * The keys to forget so that only the newest `limit` entries stay (merged entries may be older than ones already
 * held). Nothing until there are a tenth more, so that a full log is sorted once per many records, not on each.
 */
function oldestBeyond(entries: Array<[string, number]>, limit: number): string[] {
	if (entries.length <= limit + Math.ceil(limit / 10)) return [];
	return entries
		.sort((a, b) => a[1] - b[1])
		.slice(0, entries.length - limit)
		.map(([key]) => key);
}

function trim(entries: Map<string, number>, limit: number): void {
	for (const key of oldestBeyond([...entries], limit)) entries.delete(key);
}

function trimLog(log: DeliveryLog, limit: number): void {
	for (const key of oldestBeyond(Object.entries(log), limit)) delete log[key];
}

/**
 * Keys seen recently in this process, forgotten after `ttlMs`: copies of one callback that arrive together
 * are all still being verified when the first would be recorded; this lets only the first go on.
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
