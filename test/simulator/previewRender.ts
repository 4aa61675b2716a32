/**
 * The simulator's routes for a family whose jobs are made directly, or previewed then rendered, on one record
 * (AI Avatar's lipsyncs_v2, Custom Templates' custom_template_jobs): POST <path>/ (a video at its model's price),
 * POST <path>/preview/ (and /preview_async/: 1 credit per 30 s; the job ends `done` with `preview`, a player
 * link, and no video), POST <path>/{id}/render/ (4 per 30 s with the standard model, a model's own price
 * otherwise; the same job goes pending → done again, now with its video), GET one, GET ?ids.
 * A job whose marker text contains "reject-video" is rejected, "fail-video" fails.
 */
import { randomUUID } from 'node:crypto';

import { HttpAnswer } from './http';
import type { QueuedJob, SimHost } from './queueJob';
import { found, listByIds, runQueuedJob, webhookUrlErrors } from './queueJob';

/** model_version → [credits per 30 s, credits per second] */
export const MODEL_PRICES: Record<string, [number, number]> = {
	standard: [5, 0],
	aurora_v1: [0, 1],
	aurora_v1_fast: [0, 0.5],
};
const blocks = (seconds: number) => Math.max(1, Math.ceil(seconds / 30));

export interface PreviewRenderFamily {
	/** the path segment after /api/ */
	resource: string;
	/** the record field holding the finished video's URL */
	videoField: string;
	/** what is wrong with a create or preview request, if anything */
	problems: (body: Record<string, unknown>) => Record<string, string[]>;
	/** how long the video of a request lasts, in whole seconds */
	seconds: (body: Record<string, unknown>) => number;
	/** the text searched for the "fail-video" and "reject-video" markers */
	marker: (job: QueuedJob) => string;
	/** the media file of a finished video (default video.mp4) */
	videoFile?: (job: QueuedJob) => string;
}

export class PreviewRenderRoutes {
	readonly jobs = new Map<string, QueuedJob>();

	constructor(
		private readonly host: SimHost,
		private readonly family: PreviewRenderFamily,
	) {}

	clear() {
		this.jobs.clear();
	}

	route(
		method: string,
		parts: string[],
		query: Record<string, string>,
		body: Record<string, unknown>,
	) {
		const [, resource, second, third] = parts;
		if (resource !== this.family.resource) return undefined;
		if (parts.length === 2 && method === 'GET') return listByIds(this.jobs, query);
		if (parts.length === 2 && method === 'POST') return this.create(body, 'video');
		if (
			(second === 'preview' || second === 'preview_async') &&
			parts.length === 3 &&
			method === 'POST'
		)
			return this.create(body, 'preview');
		if (second && parts.length === 3 && method === 'GET')
			return new HttpAnswer(200, found(this.jobs, second));
		if (second && third === 'render' && parts.length === 4 && method === 'POST')
			return this.render(found(this.jobs, second), body);
		return undefined;
	}

	private create(body: Record<string, unknown>, kind: 'video' | 'preview'): HttpAnswer {
		const problems = { ...this.family.problems(body), ...webhookUrlErrors(body) };
		if (body.model_version !== undefined && !(String(body.model_version) in MODEL_PRICES))
			problems.model_version = [`"${String(body.model_version)}" is not a valid choice.`];
		if (Object.keys(problems).length) return new HttpAnswer(400, problems);
		const seconds = this.family.seconds(body);
		const cost = kind === 'preview' ? blocks(seconds) : this.videoCost(body, seconds);
		this.host.spend(cost);
		const now = this.host.timestamp();
		const job: QueuedJob = {
			...body,
			id: randomUUID(),
			status: 'pending',
			progress: 0,
			failed_reason: null,
			[this.family.videoField]: null,
			video_thumbnail: null,
			preview: null,
			media_job: null,
			duration: seconds,
			credits_used: cost,
			webhook_url: (body.webhook_url as string) ?? null,
			created_at: now,
			updated_at: now,
		};
		this.jobs.set(job.id, job);
		this.run(job, kind);
		return new HttpAnswer(kind === 'preview' ? 200 : 201, { ...job });
	}

	private videoCost(job: Record<string, unknown>, seconds: number): number {
		const [per30, perSecond] = MODEL_PRICES[String(job.model_version ?? 'standard')];
		return per30 ? blocks(seconds) * per30 : Math.ceil(seconds * perSecond);
	}

	/** A render of a job's preview: the same job goes through its statuses again and gets its video. */
	private render(job: QueuedJob, body: Record<string, unknown>): HttpAnswer {
		if (job.status !== 'done' || !job.preview || job[this.family.videoField])
			return new HttpAnswer(400, ['This job has no preview ready to render.']);
		const seconds = Number(job.duration);
		const standard = String(job.model_version ?? 'standard') === 'standard';
		const cost = standard ? blocks(seconds) * 4 : this.videoCost(job, seconds);
		this.host.spend(cost);
		if (typeof body.webhook_url === 'string') job.webhook_url = body.webhook_url;
		Object.assign(job, {
			status: 'pending',
			credits_used: Number(job.credits_used) + cost,
			updated_at: this.host.timestamp(),
		});
		this.run(job, 'video');
		return new HttpAnswer(200, { ...job });
	}

	private run(job: QueuedJob, kind: 'video' | 'preview') {
		runQueuedJob(
			this.host,
			job,
			this.host.renderMs(),
			() => this.outcome(job, kind),
			(finished) => this.callbackOf(finished),
		);
	}

	private outcome(job: QueuedJob, kind: 'video' | 'preview'): Partial<QueuedJob> {
		const marker = this.family.marker(job);
		if (/reject-video/.test(marker))
			return { status: 'rejected', failed_reason: 'The video was rejected by content moderation.' };
		if (/fail-video/.test(marker))
			return { status: 'failed', failed_reason: 'Rendering failed: a scene could not be made.' };
		const media = `${this.host.url}/media/${job.id}`;
		if (kind === 'preview') {
			const mediaJob = randomUUID();
			return {
				status: 'done',
				progress: 1,
				media_job: mediaJob,
				preview: `https://app.creatify.ai/preview?layout=videos/${mediaJob}.json`,
			};
		}
		return {
			status: 'done',
			progress: 1,
			[this.family.videoField]: `${media}/${this.family.videoFile?.(job) ?? 'video.mp4'}`,
			video_thumbnail: `${media}/thumbnail.jpg`,
		};
	}

	/** The documented webhook body: {id, status, failed_reason, <video field>}. */
	private callbackOf(job: QueuedJob) {
		const { id, status, failed_reason } = job;
		return { id, status, failed_reason, [this.family.videoField]: job[this.family.videoField] };
	}

	/** Calls back again, as Creatify does when it repeats a delivery. */
	callback(job: QueuedJob) {
		this.host.postCallback(job.webhook_url as string, this.callbackOf(job), job.id, job.status);
	}
}
