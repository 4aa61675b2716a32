/**
 * The simulator's Aurora routes (https://docs.creatify.ai/api-reference/aurora/post-aurora): an image and an
 * audio, each a URL or an uploaded file, become a talking video, billed per started second of audio at the
 * model's rate. The audio lasts: a simulated voice-over's own duration when its URL is one; `seconds=N` when the
 * URL says so; otherwise 10 s; an uploaded file one second per 16,000 bytes (128 kbit/s). An image named with
 * "no-face" fails; one named with "reject" is rejected. Creatify's Aurora webhook body is not documented: the
 * simulator posts {id, status, failed_reason, video_output}, the shape its other families post.
 */
import { randomUUID } from 'node:crypto';

import { auroraCredits } from '../../nodes/shared/families/aurora';
import { HttpAnswer } from './http';
import type { ReceivedFile } from './multipart';
import type { SimHost } from './queueJob';
import { found, listByIds, runQueuedJob, webhookUrlErrors } from './queueJob';

export const UPLOAD_BYTES_PER_SECOND = 16_000;
export const DEFAULT_AUDIO_SECONDS = 10;

export interface SimAuroraVideo {
	id: string;
	name: string | null;
	image: string;
	audio: string;
	model_version: string;
	status: string;
	video_output: string | null;
	preview: string | null;
	progress: number;
	duration: number;
	credits_used: number;
	failed_reason: string | null;
	webhook_url: string | null;
	created_at: string;
	updated_at: string;
	[field: string]: unknown;
}

const MODELS = ['aurora_v1', 'aurora_v1_fast', 'aurora_v2'];
const RESOLUTIONS = ['480p', '720p', '1080p', '2k'];
const FORMATS = { image: ['png', 'jpg', 'jpeg', 'webp'], audio: ['mp3', 'wav'] };

type Input = string | ReceivedFile | undefined;

function inputProblem(field: 'image' | 'audio', value: unknown): string | undefined {
	if (value === undefined || value === '') return 'This field is required.';
	const name = typeof value === 'string' ? value : (value as ReceivedFile).fileName;
	if (typeof value === 'string' && !/^https?:\/\/\S+$/.test(value)) return 'Enter a valid URL.';
	const extension = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(name)?.[1]?.toLowerCase();
	if (extension && !FORMATS[field].includes(extension))
		return `Unsupported file format: ${FORMATS[field].join(', ')} only.`;
	return undefined;
}

function auroraProblems(body: Record<string, unknown>) {
	const errors: Record<string, string[]> = {};
	for (const field of ['image', 'audio'] as const) {
		const problem = inputProblem(field, body[field]);
		if (problem) errors[field] = [problem];
	}
	const model = body.model_version ?? 'aurora_v1';
	if (!MODELS.includes(String(model)))
		errors.model_version = [`"${String(model)}" is not a valid choice.`];
	if (body.resolution !== undefined && !RESOLUTIONS.includes(String(body.resolution)))
		errors.resolution = [`"${String(body.resolution)}" is not a valid choice.`];
	const scale = body.prompt_guidance_scale;
	if (scale !== undefined && !(Number(scale) >= 0 && Number(scale) <= 10))
		errors.prompt_guidance_scale = ['Ensure this value is between 0 and 10.'];
	if (typeof body.name === 'string' && body.name.length > 255)
		errors.name = ['Ensure this field has no more than 255 characters.'];
	Object.assign(errors, webhookUrlErrors(body));
	return Object.keys(errors).length ? errors : undefined;
}

export class AuroraRoutes {
	readonly videos = new Map<string, SimAuroraVideo>();
	/** the uploads received, by video ID: what arrived as files */
	readonly uploads = new Map<string, Record<string, ReceivedFile>>();

	constructor(
		private readonly host: SimHost,
		/** a simulated voice-over's length, when `url` links to one */
		private readonly speechSeconds: (url: string) => number | undefined,
	) {}

	clear() {
		this.videos.clear();
		this.uploads.clear();
	}

	route(
		method: string,
		parts: string[],
		query: Record<string, string>,
		body: Record<string, unknown>,
	) {
		if (parts[1] !== 'aurora') return undefined;
		if (parts.length === 2 && method === 'GET') return listByIds(this.videos, query);
		if (parts.length === 2 && method === 'POST') return this.create(body);
		if (parts.length === 3 && method === 'GET')
			return new HttpAnswer(200, found(this.videos, parts[2]));
		return undefined;
	}

	private audioSeconds(audio: Input): number {
		if (typeof audio === 'object')
			return Math.max(1, Math.ceil(audio.size / UPLOAD_BYTES_PER_SECOND));
		const given = /[?&]seconds=([\d.]+)/.exec(audio ?? '')?.[1];
		return (given ? Number(given) : this.speechSeconds(audio ?? '')) ?? DEFAULT_AUDIO_SECONDS;
	}

	private create(body: Record<string, unknown>): HttpAnswer {
		const problems = auroraProblems(body);
		if (problems) return new HttpAnswer(400, problems);
		const model = String(body.model_version ?? 'aurora_v1');
		const resolution = model === 'aurora_v2' ? String(body.resolution ?? '720p') : undefined;
		const seconds = this.audioSeconds(body.audio as Input);
		const credits = auroraCredits(seconds, model, resolution);
		this.host.spend(credits);
		const id = randomUUID();
		const now = this.host.timestamp();
		const shown = (value: Input, field: string) =>
			typeof value === 'object'
				? `${this.host.url}/uploads/${id}/${field}/${value.fileName}`
				: String(value);
		const files = Object.fromEntries(
			(['image', 'audio'] as const)
				.filter((f) => typeof body[f] === 'object')
				.map((f) => [f, body[f] as ReceivedFile]),
		);
		if (Object.keys(files).length) this.uploads.set(id, files);
		const video: SimAuroraVideo = {
			id,
			name: typeof body.name === 'string' ? body.name : null,
			image: shown(body.image as Input, 'image'),
			audio: shown(body.audio as Input, 'audio'),
			model_version: model,
			...(resolution ? { resolution } : {}),
			text_prompt: body.text_prompt ?? null,
			prompt_guidance_scale:
				body.prompt_guidance_scale === undefined ? 1 : Number(body.prompt_guidance_scale),
			status: 'pending',
			video_output: null,
			preview: null,
			progress: 0,
			duration: Math.ceil(seconds),
			credits_used: credits,
			failed_reason: null,
			media_job: null,
			is_hidden: false,
			editor_url: null,
			webhook_url: typeof body.webhook_url === 'string' ? body.webhook_url : null,
			created_at: now,
			updated_at: now,
		};
		this.videos.set(id, video);
		runQueuedJob(this.host, video, this.host.renderMs(), () => this.outcome(video), callbackOf);
		return new HttpAnswer(201, { ...video });
	}

	private outcome(video: SimAuroraVideo): Partial<SimAuroraVideo> {
		if (/no-face/.test(video.image))
			return { status: 'failed', failed_reason: 'No face was found in the image.' };
		if (/reject/.test(video.image))
			return { status: 'rejected', failed_reason: 'The image breaks the content policy.' };
		return {
			status: 'done',
			progress: 1,
			video_output: `${this.host.url}/media/${video.id}/video.mp4`,
			preview: `${this.host.url}/media/${video.id}/preview.png`,
		};
	}

	/** Calls back again, as Creatify does when it repeats a delivery. */
	callback(video: SimAuroraVideo) {
		this.host.postCallback(video.webhook_url as string, callbackOf(video), video.id, video.status);
	}
}

function callbackOf({ id, status, failed_reason, video_output }: SimAuroraVideo) {
	return { id, status, failed_reason, video_output };
}
