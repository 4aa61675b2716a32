/**
 * The simulator's custom avatars (nodes/shared/families/avatar.ts): POST /api/personas_v2/ takes the video as a
 * multipart file, POST /api/personas/ as a URL; each is free, moves through process_status pending, processing,
 * reviewing, and ends done (is_active true), or failed for a name containing "fail-avatar", rejected for
 * "reject-avatar". GET /api/personas/{id}/ reads one; the list answers `ids` with them. Callbacks post the whole
 * record (the page documents no body).
 */
import { randomUUID } from 'node:crypto';

import { HttpAnswer } from './http';
import type { ReceivedFile } from './multipart';
import type { SimHost } from './queueJob';
import { found, listByIds, webhookUrlErrors } from './queueJob';

const ENDED = ['done', 'failed', 'rejected'];

/** A custom avatar's record: its progress is `process_status` (it has no `status`). */
interface SimAvatar {
	id: string;
	process_status: string;
	webhook_url: string | null;
	[field: string]: unknown;
}

function videoProblem(video: unknown, upload: boolean): string | undefined {
	if (upload) {
		const file = video as ReceivedFile | undefined;
		if (typeof file !== 'object' || file === null) return 'No file was submitted.';
		return ['video/mp4', 'video/quicktime'].includes(file.type)
			? undefined
			: 'Upload a valid video: video/mp4 or video/quicktime.';
	}
	return typeof video === 'string' && /^https?:\/\//.test(video) ? undefined : 'Enter a valid URL.';
}

function avatarProblems(body: Record<string, unknown>, upload: boolean) {
	const errors: Record<string, string[]> = {};
	if (typeof body.creator_name !== 'string' || body.creator_name === '')
		errors.creator_name = ['This field is required.'];
	else if (body.creator_name.length > 255)
		errors.creator_name = ['Ensure this field has no more than 255 characters.'];
	if (!['m', 'f', 'nb'].includes(String(body.gender)))
		errors.gender = [`"${String(body.gender)}" is not a valid choice.`];
	const video = videoProblem(body.lipsync_input, upload);
	if (video) errors.lipsync_input = [video];
	return { ...errors, ...webhookUrlErrors(body) };
}

export class CustomAvatarRoutes {
	readonly jobs = new Map<string, SimAvatar>();

	constructor(
		private readonly host: SimHost,
		/** when true, the listing ignores `ids` (its page does not document the filter) */
		private readonly ignoresFilters: () => boolean = () => false,
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
		const [, resource, second] = parts;
		if (resource === 'personas_v2' && parts.length === 2 && method === 'POST')
			return this.create(body, true);
		if (resource !== 'personas') return undefined;
		if (parts.length === 2 && method === 'POST') return this.create(body, false);
		if (parts.length === 2 && method === 'GET' && query.ids !== undefined)
			return listByIds(this.jobs, this.ignoresFilters() ? {} : query);
		if (second && second !== 'paginated' && parts.length === 3 && method === 'GET')
			return new HttpAnswer(200, found(this.jobs, second));
		return undefined;
	}

	private create(body: Record<string, unknown>, upload: boolean): HttpAnswer {
		const problems = avatarProblems(body, upload);
		if (Object.keys(problems).length) return new HttpAnswer(400, problems);
		const id = randomUUID();
		const now = this.host.timestamp();
		const video = upload
			? `${this.host.url}/uploads/${id}/${(body.lipsync_input as ReceivedFile).fileName}`
			: String(body.lipsync_input);
		const labels = body.labels === undefined ? [] : [body.labels].flat();
		const job: SimAvatar = {
			id,
			gender: body.gender,
			creator_name: body.creator_name,
			consent_video: null,
			lipsync_input_url: video,
			lipsync_input: video,
			process_status: 'pending',
			is_active: false,
			failed_reason: null,
			video_scene: body.video_scene ?? null,
			keywords: body.keywords ?? null,
			labels,
			webhook_url: (body.webhook_url as string) ?? null,
			created_at: now,
			updated_at: now,
		};
		this.jobs.set(id, job);
		this.advance(job);
		return new HttpAnswer(201, { ...job });
	}

	/** pending → processing → reviewing → the outcome, over a render time; then the callback. */
	private advance(job: SimAvatar) {
		const ms = this.host.renderMs();
		const move = (fields: Record<string, unknown>) => {
			if (ENDED.includes(String(job.process_status))) return;
			Object.assign(job, fields, { updated_at: this.host.timestamp() });
		};
		this.host.after(Math.floor(ms / 4), () => move({ process_status: 'processing' }));
		this.host.after(Math.floor(ms / 2), () => move({ process_status: 'reviewing' }));
		this.host.after(ms, () => {
			move(this.outcome(job));
			if (job.webhook_url) this.callback(job);
		});
	}

	private outcome(job: SimAvatar): Record<string, unknown> {
		const name = String(job.creator_name);
		if (/reject-avatar/.test(name))
			return { process_status: 'rejected', failed_reason: 'The video did not pass review.' };
		if (/fail-avatar/.test(name))
			return { process_status: 'failed', failed_reason: 'No face could be found in the video.' };
		return { process_status: 'done', is_active: true };
	}

	/** Calls back, as Creatify does when the avatar is created (and again when it repeats a delivery). */
	callback(job: SimAvatar) {
		this.host.postCallback(job.webhook_url as string, { ...job }, job.id, job.process_status);
	}
}
