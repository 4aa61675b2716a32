/**
 * What the simulator's newer families share: the host they run in, and the lifecycle of a queued job
 * (pending → in_queue → running → done, failed or rejected), as URL to Video and Text to Speech document it.
 */
import { HttpAnswer } from './http';

/** What a family's routes need from the simulator they run in. */
export interface SimHost {
	readonly url: string;
	videoMs: number;
	/** how long one queued job renders */
	renderMs(): number;
	timestamp(): string;
	/** spends credits or throws the 400 of an account without enough */
	spend(cost: number): void;
	after(ms: number, fn: () => void): void;
	postCallback(url: string, payload: object, jobId: string, status: string): void;
}

export interface QueuedJob {
	id: string;
	status: string;
	webhook_url: string | null;
	updated_at: string;
	[field: string]: unknown;
}

const ENDED = ['done', 'failed', 'rejected'];

/**
 * Moves a job through its working statuses over `ms` (`working`: the common lifecycle's in_queue and running
 * unless the family has its own), then to `outcome()`, and calls back with `callbackBody` when it ends (if it
 * has a webhook URL).
 */
export function runQueuedJob<T extends QueuedJob>(
	host: SimHost,
	job: T,
	ms: number,
	outcome: () => Partial<T>,
	callbackBody: (job: T) => object,
	working: readonly [string, string] = ['in_queue', 'running'],
) {
	const move = (fields: Partial<T>) => {
		if (ENDED.includes(job.status)) return;
		Object.assign(job, fields, { updated_at: host.timestamp() });
	};
	host.after(Math.floor(ms / 4), () => move({ status: working[0] } as Partial<T>));
	host.after(Math.floor(ms / 2), () =>
		move({ status: working[1], progress: 0.5 } as unknown as Partial<T>),
	);
	host.after(ms, () => {
		move(outcome());
		if (job.webhook_url) host.postCallback(job.webhook_url, callbackBody(job), job.id, job.status);
	});
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_IDS = 100;

export function found<T>(records: Map<string, T>, id: string): T {
	const record = UUID.test(id) ? records.get(id) : undefined;
	if (!record) throw new HttpAnswer(404, { detail: 'Not found.' });
	return record;
}

export const isUuid = (value: unknown): value is string =>
	typeof value === 'string' && UUID.test(value);

/** Creatify's list endpoints: all records, or those with the given IDs (at most 100). */
export function listByIds<T>(records: Map<string, T>, query: Record<string, string>): HttpAnswer {
	if (query.ids === undefined) return new HttpAnswer(200, [...records.values()].reverse());
	const ids = query.ids.split(',').filter(Boolean);
	if (ids.length > MAX_IDS)
		return new HttpAnswer(400, [`Ensure ids has no more than ${MAX_IDS} elements.`]);
	const bad = ids.find((id) => !UUID.test(id));
	if (bad) return new HttpAnswer(400, { ids: [`"${bad}" is not a valid UUID.`] });
	return new HttpAnswer(200, ids.map((id) => records.get(id)).filter(Boolean));
}

/** Creatify's pages give webhook_url "Maximum length: 200" (Text to Speech, Aurora, Product Video). */
export function webhookUrlErrors(body: Record<string, unknown>): Record<string, string[]> {
	return typeof body.webhook_url === 'string' && body.webhook_url.length > 200
		? { webhook_url: ['Ensure this field has no more than 200 characters.'] }
		: {};
}

/**
 * The routes of a family whose jobs live at /api/<resource>/: list (with `ids`), create, read one; and its
 * callback, the whole record (for the families whose callback body is not documented).
 */
export abstract class JobCollectionRoutes {
	readonly jobs = new Map<string, QueuedJob>();

	constructor(
		protected readonly host: SimHost,
		private readonly resource: string,
	) {}

	clear() {
		this.jobs.clear();
	}

	route(
		method: string,
		parts: string[],
		query: Record<string, string>,
		body: Record<string, unknown>,
	): HttpAnswer | undefined {
		const [, resource, second] = parts;
		if (resource !== this.resource) return undefined;
		if (parts.length === 2 && method === 'GET') return listByIds(this.jobs, query);
		if (parts.length === 2 && method === 'POST') return this.create(body);
		if (second && parts.length === 3 && method === 'GET')
			return new HttpAnswer(200, found(this.jobs, second));
		return undefined;
	}

	protected abstract create(body: Record<string, unknown>): HttpAnswer;

	/** Calls back with the whole record, as Creatify does when a job ends (and when it repeats a delivery). */
	callback(job: QueuedJob) {
		this.host.postCallback(job.webhook_url as string, { ...job }, job.id, job.status);
	}
}
