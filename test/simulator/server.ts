/**
 * A local stand-in for Creatify's Product to Video API (see the API notes in the README): the same routes,
 * auth headers, task lifecycle, credit costs, error shapes and webhook callbacks, with fault injection so tests
 * can reproduce what the real service does on a bad day. Loopback only.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { HttpAnswer } from './http';
import { PERSONAS } from './personas';
import type { SimHost } from './queueJob';
import { found, listByIds, webhookUrlErrors } from './queueJob';
import type { LinkVideoStatus } from './urlToVideo';
import { AdTemplateRoutes } from './adTemplate';
import { AuroraRoutes } from './aurora';
import { isMultipart, readMultipart } from './multipart';
import { TextToSpeechRoutes } from './textToSpeech';
import { AI_AVATAR } from './aiAvatar';
import { CUSTOM_TEMPLATE } from './customTemplate';
import { ImageAdRoutes } from './imageAd';
import { AssetGeneratorRoutes } from './assetGenerator';
import { CustomAvatarRoutes } from './customAvatar';
import { AiScriptRoutes } from './aiScript';
import { LIPSYNC_V1 } from './lipsyncV1';
import { routeMusic } from './music';
import { PreviewRenderRoutes } from './previewRender';
import { UrlToVideoRoutes } from './urlToVideo';

export const COSTS = { gen_image: 1, gen_video: 3, regen_image: 1, regen_video: 1 } as const;
type PaidAction = keyof typeof COSTS;

export type TaskStatus =
	| 'initializing'
	| 'image_generating'
	| 'image_generated'
	| 'video_generating'
	| 'video_generated'
	| 'failed';

export interface SimTask {
	id: string;
	type: string;
	product_url: string;
	aspect_ratio: string;
	override_avatar: string | null;
	motion_style: string | null;
	product_showcase_url: string | null;
	image_prompt: string | null;
	video_prompt: string | null;
	status: TaskStatus;
	generated_photo_url: string | null;
	generated_video_url: string | null;
	created_at: string;
	updated_at: string;
	webhook_url: string | null;
	failed_reason: string | null;
	regen_type: string | null;
	regen_source_id: string | null;
	[extra: string]: unknown;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	/** what the simulator did: 'handled', or the fault that answered instead */
	outcome: 'handled' | 'fault';
	/** whether the request changed state (created a task, spent credits) */
	processed: boolean;
	status?: number;
	at: number;
}

export interface Fault {
	method?: string;
	/** a path (exact, without query) or a pattern */
	path?: string | RegExp;
	/** only requests whose parsed body this accepts */
	when?: (body: unknown) => boolean;
	/** how many matching requests it answers (default 1) */
	times?: number;
	/** answer with this status (and body) instead of the real answer */
	status?: number;
	body?: unknown;
	/** send body as-is (not JSON-encoded), e.g. malformed JSON or HTML */
	rawBody?: string;
	headers?: Record<string, string>;
	/** wait this long before answering */
	delayMs?: number;
	/** close the connection without an answer: before or after the request took effect */
	drop?: 'before' | 'after';
	/** with status: let the request take effect first (e.g. a 502 from a proxy after the task was created) */
	processFirst?: boolean;
}

export interface WebhookBehaviour {
	/** deliveries per event (1 normal, 2+ duplicates) */
	copies?: number;
	/** drop deliveries entirely */
	lose?: boolean;
	/** send the video callback with status still 'video_generating' (seen in Creatify's docs) */
	staleVideoStatus?: boolean;
	delayMs?: number;
	/** send each delivery to the next of these origins in turn (a load balancer in front of several n8n processes) */
	origins?: string[];
	/** give up on an answer after this long (default 10 s) */
	timeoutMs?: number;
}

export interface WebhookDelivery {
	url: string;
	taskId: string;
	status: string;
	responseStatus?: number;
	error?: string;
	at: number;
	/** how long the receiver took to answer */
	ms?: number;
}

export interface SimulatorOptions {
	apiId?: string;
	apiKey?: string;
	credits?: number;
	/** time from gen_image (or regen_image) to image_generated, ms */
	imageMs?: number;
	/** time from gen_video to video_generated, ms (and a queued job's render time in the other families) */
	videoMs?: number;
	/** a queued job renders for videoMs plus up to this much more, at random: jobs started together finish apart */
	renderSpreadMs?: number;
	imageBytes?: number;
	videoBytes?: number;
	port?: number;
}

export const DEFAULT_API_ID = '5d3c0a1e-8b7f-4c2a-9e61-0f4b2d7a8c93';
export const DEFAULT_API_KEY = 'sim-secret-key-7f1e2d3c4b5a69788796a5b4c3d2e1f0';

const PAID_PATH =
	/\/(gen_image|gen_video|regen_image|regen_video|preview_list_async|render|render_single_preview)\/$|^\/api\/(link_to_videos|text_to_speech|aurora|inspiration_jobs|lipsyncs_v2|lipsyncs|custom_template_jobs|iab_images|asset_generator|personas|personas_v2|ai_scripts)\/(preview\/|preview_async\/)?$/;

/** ISO 8601 with microseconds and a -07:00 offset, as Creatify's timestamps look. */
function creatifyTimestamp(ms: number): string {
	const local = new Date(ms - 7 * 3600_000).toISOString().replace('Z', '');
	return `${local}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}-07:00`;
}

export class CreatifySimulator implements SimHost {
	readonly apiId: string;
	readonly apiKey: string;
	credits: number;
	imageMs: number;
	videoMs: number;
	renderSpreadMs = 0;
	imageBytes: number;
	videoBytes: number;
	webhook: WebhookBehaviour = {};
	/** when set, /api/personas/ ignores its documented filters too (as an API that changed might) */
	ignorePersonaFilters = false;
	/** when set, generated media links answer 410 Gone (an expired link) */
	mediaExpired = false;
	/** paid requests being handled right now (from arrival to answer, injected delays included) */
	paidInFlight = 0;
	/** the most paid requests that were in flight at once since the last reset */
	peakPaidInFlight = 0;

	readonly tasks = new Map<string, SimTask>();
	/** URL to Video: links, their videos, voices */
	readonly urlToVideo = new UrlToVideoRoutes(this);
	/** Text to Speech: voice-overs */
	readonly textToSpeech = new TextToSpeechRoutes(this);
	/** Aurora: talking videos from an image and an audio */
	readonly aurora = new AuroraRoutes(this, (url) => this.speechSeconds(url));
	/** AI Ad Templates: templates and their jobs */
	readonly adTemplate = new AdTemplateRoutes(this);
	/** AI Avatar: lipsync v2 videos, made directly or previewed then rendered */
	readonly aiAvatar = new PreviewRenderRoutes(this, AI_AVATAR);
	/** Custom Templates: template videos, made directly or previewed then rendered */
	readonly customTemplate = new PreviewRenderRoutes(this, CUSTOM_TEMPLATE);
	/** AI Avatar V1: lipsync v1 videos */
	readonly lipsyncV1 = new PreviewRenderRoutes(this, LIPSYNC_V1);
	/** Image Ads: IAB banners from an image */
	readonly imageAd = new ImageAdRoutes(this);
	/** Asset Generator: AI models' images and videos */
	readonly assetGenerator = new AssetGeneratorRoutes(this);
	/** Custom avatars: an account's own avatars from a video */
	readonly customAvatar = new CustomAvatarRoutes(this, () => this.ignorePersonaFilters);
	/** AI Scripts: ad scripts for a link */
	readonly aiScript = new AiScriptRoutes(
		this,
		(id) => this.urlToVideo.links.get(id)?.url ?? undefined,
	);
	readonly requests: RecordedRequest[] = [];
	readonly webhookDeliveries: WebhookDelivery[] = [];

	private faults: Array<Fault & { remaining: number }> = [];
	private server?: Server;
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly pendingDeliveries = new Set<Promise<void>>();
	private baseUrl = '';

	constructor(private readonly options: SimulatorOptions = {}) {
		this.apiId = options.apiId ?? DEFAULT_API_ID;
		this.apiKey = options.apiKey ?? DEFAULT_API_KEY;
		this.credits = options.credits ?? 1000;
		this.imageMs = options.imageMs ?? 60;
		this.videoMs = options.videoMs ?? 120;
		this.renderSpreadMs = options.renderSpreadMs ?? 0;
		this.imageBytes = options.imageBytes ?? 2048;
		this.videoBytes = options.videoBytes ?? 64 * 1024;
	}

	/** How long one queued job renders: videoMs, plus a random part up to renderSpreadMs. */
	renderMs(): number {
		return this.videoMs + Math.floor(Math.random() * this.renderSpreadMs);
	}

	get url(): string {
		return this.baseUrl;
	}

	async start(): Promise<string> {
		const server = createServer((req, res) => void this.handle(req, res));
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.options.port ?? 0, '127.0.0.1', resolve);
		});
		this.server = server;
		this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		await Promise.allSettled([...this.pendingDeliveries]);
		for (const socket of this.sockets) socket.destroy();
		const server = this.server;
		this.server = undefined;
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** Forgets tasks, requests, faults and deliveries; keeps the server running. */
	reset(
		options: Pick<
			SimulatorOptions,
			'credits' | 'imageMs' | 'videoMs' | 'imageBytes' | 'videoBytes' | 'renderSpreadMs'
		> = {},
	) {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.tasks.clear();
		this.urlToVideo.clear();
		this.textToSpeech.clear();
		this.aurora.clear();
		this.adTemplate.clear();
		this.aiAvatar.clear();
		this.customTemplate.clear();
		this.lipsyncV1.clear();
		this.imageAd.clear();
		this.assetGenerator.clear();
		this.customAvatar.clear();
		this.aiScript.clear();
		this.requests.length = 0;
		this.webhookDeliveries.length = 0;
		this.faults = [];
		this.webhook = {};
		this.ignorePersonaFilters = false;
		this.mediaExpired = false;
		this.peakPaidInFlight = this.paidInFlight;
		this.credits = options.credits ?? this.options.credits ?? 1000;
		this.imageMs = options.imageMs ?? this.options.imageMs ?? 60;
		this.videoMs = options.videoMs ?? this.options.videoMs ?? 120;
		this.renderSpreadMs = options.renderSpreadMs ?? this.options.renderSpreadMs ?? 0;
		this.imageBytes = options.imageBytes ?? this.options.imageBytes ?? 2048;
		this.videoBytes = options.videoBytes ?? this.options.videoBytes ?? 64 * 1024;
	}

	inject(fault: Fault): void {
		this.faults.push({ ...fault, remaining: fault.times ?? 1 });
	}

	/** Requests that reached a paid route (whatever the answer), e.g. to prove nothing was sent twice. */
	paidAttempts(
		action?:
			| PaidAction
			| 'link_to_videos'
			| 'preview_list_async'
			| 'render'
			| 'render_single_preview'
			| 'text_to_speech'
			| 'aurora'
			| 'inspiration_jobs'
			| 'lipsyncs_v2'
			| 'lipsyncs'
			| 'iab_images'
			| 'asset_generator'
			| 'personas'
			| 'personas_v2'
			| 'ai_scripts'
			| 'preview'
			| 'custom_template_jobs'
			| 'preview_async',
	): RecordedRequest[] {
		return this.requests.filter(
			(r) =>
				r.method === 'POST' && (action ? r.path.endsWith(`/${action}/`) : PAID_PATH.test(r.path)),
		);
	}

	/** Delivers a task's callback now, as Creatify would for its current state (e.g. after a lost delivery). */
	redeliver(id: string): void {
		const video = this.urlToVideo.videos.get(id);
		if (video?.webhook_url) return this.urlToVideo.callback(video);
		const speech = this.textToSpeech.speeches.get(id);
		if (speech?.webhook_url) return this.textToSpeech.callback(speech);
		const auroraVideo = this.aurora.videos.get(id);
		if (auroraVideo?.webhook_url) return this.aurora.callback(auroraVideo);
		const templateJob = this.adTemplate.jobs.get(id);
		if (templateJob?.webhook_url) return this.adTemplate.callback(templateJob);
		const avatarVideo = this.aiAvatar.jobs.get(id);
		if (avatarVideo?.webhook_url) return this.aiAvatar.callback(avatarVideo);
		const templateVideo = this.customTemplate.jobs.get(id);
		if (templateVideo?.webhook_url) return this.customTemplate.callback(templateVideo);
		const lipsync = this.lipsyncV1.jobs.get(id);
		if (lipsync?.webhook_url) return this.lipsyncV1.callback(lipsync);
		const banners = this.imageAd.jobs.get(id);
		if (banners?.webhook_url) return this.imageAd.callback(banners);
		const generation = this.assetGenerator.jobs.get(id);
		if (generation?.webhook_url) return this.assetGenerator.callback(generation);
		const custom = this.customAvatar.jobs.get(id);
		if (custom?.webhook_url) return this.customAvatar.callback(custom);
		const scripts = this.aiScript.jobs.get(id);
		if (scripts?.webhook_url) return this.aiScript.callback(scripts);
		const task = this.tasks.get(id);
		if (!task?.webhook_url) throw new Error(`task ${id} has no webhook_url`);
		this.deliver(task, task.status.startsWith('video') ? 'video' : 'image');
	}

	/** Waits until every webhook delivery started so far has finished. */
	async settleWebhooks(): Promise<void> {
		while (this.pendingDeliveries.size) await Promise.allSettled([...this.pendingDeliveries]);
	}

	/** Waits for a task to reach one of the given statuses (for tests that drive the lifecycle directly). */
	async waitForStatus(
		id: string,
		statuses: Array<TaskStatus | LinkVideoStatus>,
		timeoutMs = 10_000,
	): Promise<SimTask> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const task = this.anyJob(id) as SimTask | undefined;
			// a custom avatar's progress is its process_status
			const status = task?.status ?? (task?.process_status as TaskStatus | undefined);
			if (task && status && statuses.includes(status)) return task;
			if (Date.now() > deadline) throw new Error(`task ${id} did not reach ${statuses.join('/')}`);
			await new Promise((r) => setTimeout(r, 10));
		}
	}

	/** A job of any family, by ID. */
	private anyJob(id: string) {
		return (
			this.tasks.get(id) ??
			this.urlToVideo.videos.get(id) ??
			this.textToSpeech.speeches.get(id) ??
			this.aurora.videos.get(id) ??
			this.adTemplate.jobs.get(id) ??
			this.aiAvatar.jobs.get(id) ??
			this.customTemplate.jobs.get(id) ??
			this.lipsyncV1.jobs.get(id) ??
			this.imageAd.jobs.get(id) ??
			this.assetGenerator.jobs.get(id) ??
			this.customAvatar.jobs.get(id) ??
			this.aiScript.jobs.get(id)
		);
	}

	/** The length of a simulated voice-over whose audio URL this is. */
	private speechSeconds(url: string): number | undefined {
		const id = /\/media\/([^/]+)\/audio\.mp3$/.exec(url)?.[1];
		return id ? this.textToSpeech.speeches.get(id)?.duration : undefined;
	}

	/** Creates a task directly in a given state (no credits, no request), for tests of read operations. */
	seedTask(fields: Partial<SimTask> = {}): SimTask {
		const now = Date.now();
		const id = fields.id ?? randomUUID();
		const task: SimTask = {
			id,
			type: 'product_anyshot',
			product_url: 'https://shop.example.com/images/bottle.png',
			aspect_ratio: '9x16',
			override_avatar: null,
			motion_style: null,
			product_showcase_url: null,
			image_prompt: null,
			video_prompt: null,
			status: 'image_generated',
			generated_photo_url: `${this.baseUrl}/media/${id}/preview.png`,
			generated_video_url: null,
			created_at: creatifyTimestamp(now),
			updated_at: creatifyTimestamp(now),
			webhook_url: null,
			failed_reason: null,
			regen_type: null,
			regen_source_id: null,
			...fields,
		};
		this.tasks.set(id, task);
		return task;
	}

	// ---- HTTP ----

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		if (req.method !== 'POST' || !PAID_PATH.test(path)) return await this.answer(req, res);
		this.paidInFlight++;
		this.peakPaidInFlight = Math.max(this.peakPaidInFlight, this.paidInFlight);
		try {
			await this.answer(req, res);
		} finally {
			this.paidInFlight--;
		}
	}

	private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const multipart = isMultipart(req);
		const rawBody = multipart ? '' : await readBody(req);
		let body: unknown = multipart ? await readMultipart(req) : undefined;
		let badJson = false;
		if (rawBody.length) {
			try {
				body = JSON.parse(rawBody);
			} catch {
				badJson = true;
			}
		}
		const record: RecordedRequest = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			body: badJson ? rawBody : body,
			outcome: 'handled',
			processed: false,
			at: Date.now(),
		};

		if (url.pathname.startsWith('/media/')) {
			this.serveMedia(url.pathname, req, res);
			return;
		}
		this.requests.push(record);

		const fault = this.takeFault(record);
		if (fault) {
			record.outcome = 'fault';
			if (fault.delayMs) await delay(fault.delayMs);
			if (fault.drop === 'before') {
				req.socket.destroy();
				return;
			}
			if (fault.drop === 'after' || fault.processFirst) {
				this.route(record, badJson);
				record.processed = this.lastRouteChangedState;
			}
			if (fault.drop === 'after') {
				req.socket.destroy();
				return;
			}
			if (fault.status !== undefined || fault.rawBody !== undefined) {
				record.status = fault.status ?? 200;
				const payload = fault.rawBody ?? JSON.stringify(fault.body ?? {});
				res.writeHead(record.status, { 'content-type': 'application/json', ...fault.headers });
				res.end(payload);
				return;
			}
			record.outcome = 'handled'; // a pure delay: answer normally
		}

		const answer = this.route(record, badJson);
		record.processed = this.lastRouteChangedState;
		record.status = answer.status;
		res.writeHead(answer.status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(answer.body));
	}

	/** set by route(): whether the last request created a task or spent credits */
	private lastRouteChangedState = false;

	private takeFault(record: RecordedRequest): Fault | undefined {
		const fault = this.faults.find(
			(f) =>
				f.remaining > 0 &&
				(!f.method || f.method === record.method) &&
				(!f.when || f.when(record.body)) &&
				(!f.path ||
					(typeof f.path === 'string' ? f.path === record.path : f.path.test(record.path))),
		);
		if (fault) fault.remaining -= 1;
		return fault;
	}

	/** The answer of the families kept in their own files, if the request is one of theirs. */
	private familyAnswer(
		method: string,
		parts: string[],
		query: Record<string, string>,
		body: Record<string, unknown>,
	) {
		const families = [
			this.urlToVideo,
			this.textToSpeech,
			this.aurora,
			this.adTemplate,
			this.aiAvatar,
			this.customTemplate,
			this.lipsyncV1,
			this.imageAd,
			this.assetGenerator,
			this.customAvatar,
			this.aiScript,
		];
		for (const family of families) {
			const answer = family.route(method, parts, query, body);
			if (answer) return answer;
		}
		return routeMusic(method, parts, query);
	}

	private route(record: RecordedRequest, badJson: boolean): HttpAnswer {
		this.lastRouteChangedState = false;
		const auth = this.authenticate(record.headers);
		if (auth) return auth;
		if (badJson) return new HttpAnswer(400, { detail: 'JSON parse error - Expecting value' });
		const parts = record.path.split('/').filter(Boolean);
		if (parts[0] !== 'api' || !record.path.endsWith('/')) {
			return new HttpAnswer(404, { detail: 'Not found.' });
		}
		const [, resource, second, third] = parts;
		const body = (record.body ?? {}) as Record<string, unknown>;
		try {
			const answer = this.familyAnswer(record.method, parts, record.query, body);
			if (answer) {
				if (record.method !== 'GET' && answer.status < 300) this.lastRouteChangedState = true;
				return answer;
			}
			if (resource === 'remaining_credits' && parts.length === 2 && record.method === 'GET') {
				return new HttpAnswer(200, { remaining_credits: this.credits });
			}
			if (resource === 'personas' && record.method === 'GET') {
				if (parts.length === 2) return this.listPersonas(record.query);
				if (second === 'paginated' && parts.length === 3) return this.pagePersonas(record.query);
			}
			if (resource === 'product_to_videos') {
				if (parts.length === 2 && record.method === 'GET')
					return listByIds(this.tasks, record.query);
				if (second === 'gen_image' && parts.length === 3 && record.method === 'POST') {
					return this.genImage(body);
				}
				if (second && parts.length === 3 && record.method === 'GET') return this.getTask(second);
				if (second && third === 'gen_video' && record.method === 'POST')
					return this.genVideo(second, body);
				if (second && third === 'regen_image' && record.method === 'POST') {
					return this.regenerate(second, body, 'regen_image');
				}
				if (second && third === 'regen_video' && record.method === 'POST') {
					return this.regenerate(second, body, 'regen_video');
				}
			}
		} catch (error) {
			if (error instanceof HttpAnswer) return error;
			throw error;
		}
		if (!['GET', 'POST', 'PUT'].includes(record.method)) {
			return new HttpAnswer(405, { detail: `Method "${record.method}" not allowed.` });
		}
		return new HttpAnswer(404, { detail: 'Not found.' });
	}

	private authenticate(headers: RecordedRequest['headers']): HttpAnswer | undefined {
		const id = headers['x-api-id'];
		const key = headers['x-api-key'];
		if (!id || !key)
			return new HttpAnswer(401, { detail: 'Authentication credentials were not provided.' });
		if (id !== this.apiId || key !== this.apiKey) {
			return new HttpAnswer(401, { detail: 'Invalid API ID or API key.' });
		}
		return undefined;
	}

	private spendOn(action: PaidAction): void {
		this.spend(COSTS[action]);
	}

	/** Spends credits, or answers 400 as Creatify does when the account has too few. */
	spend(cost: number): void {
		if (this.credits < cost) {
			throw new HttpAnswer(400, {
				detail: `Insufficient credits: this request needs ${cost} credits, ${this.credits} remaining.`,
			});
		}
		this.credits -= cost;
		this.lastRouteChangedState = true;
	}

	private getTask(id: string): HttpAnswer {
		return new HttpAnswer(200, found(this.tasks, id));
	}

	/** Stock avatars, after the account's own custom ones (newest first). */
	private listPersonas(query: Record<string, string>): HttpAnswer {
		const filters = this.ignorePersonaFilters ? {} : query;
		const custom = [...this.customAvatar.jobs.values()]
			.reverse()
			.filter((a) => !filters.gender || a.gender === filters.gender);
		return new HttpAnswer(200, [...custom, ...filterPersonas(filters)]);
	}

	private pagePersonas(query: Record<string, string>): HttpAnswer {
		const page = Number(query.page ?? '1');
		const size = Number(query.page_size ?? '10');
		if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1) {
			return new HttpAnswer(404, { detail: 'Invalid page.' });
		}
		// https://docs.creatify.ai/api-reference/personas/get-apipersonas-paginated documents page and page_size
		// only: other query parameters are ignored, as Django REST Framework does
		const all = filterPersonas({});
		const start = (page - 1) * size;
		if (start >= all.length && page !== 1) return new HttpAnswer(404, { detail: 'Invalid page.' });
		const link = (p: number) =>
			`${this.baseUrl}/api/personas/paginated/?page=${p}&page_size=${size}`;
		return new HttpAnswer(200, {
			count: all.length,
			next: start + size < all.length ? link(page + 1) : null,
			previous: page > 1 ? link(page - 1) : null,
			results: all.slice(start, start + size),
		});
	}

	private genImage(body: Record<string, unknown>): HttpAnswer {
		const errors: Record<string, string[]> = {};
		const productUrl = body.product_url;
		if (typeof productUrl !== 'string' || productUrl === '')
			errors.product_url = ['This field is required.'];
		else if (productUrl.length > 200)
			errors.product_url = ['Ensure this field has no more than 200 characters.'];
		else if (!/^https?:\/\//.test(productUrl)) errors.product_url = ['Enter a valid URL.'];
		const type = body.type ?? 'product_anyshot';
		if (type !== 'product_anyshot' && type !== 'product_avatar')
			errors.type = [`"${String(type)}" is not a valid choice.`];
		const aspect = body.aspect_ratio ?? '9x16';
		if (!['9x16', '16x9', '1x1'].includes(String(aspect)))
			errors.aspect_ratio = [`"${String(aspect)}" is not a valid choice.`];
		if (
			body.override_avatar !== undefined &&
			!PERSONAS.some((p) => p.id === body.override_avatar)
		) {
			errors.override_avatar = ['Invalid persona id.'];
		}
		Object.assign(errors, webhookUrlErrors(body));
		if (Object.keys(errors).length) return new HttpAnswer(400, errors);
		this.spendOn('gen_image');
		const task = this.seedTask({
			type: String(type),
			product_url: productUrl as string,
			aspect_ratio: String(aspect),
			override_avatar: (body.override_avatar as string) ?? null,
			product_showcase_url: (body.product_showcase_url as string) ?? null,
			image_prompt: (body.image_prompt as string) ?? null,
			webhook_url: (body.webhook_url as string) ?? null,
			status: 'initializing',
			generated_photo_url: null,
		});
		this.runImageStep(task);
		return new HttpAnswer(200, { ...task });
	}

	private genVideo(id: string, body: Record<string, unknown>): HttpAnswer {
		const task = found(this.tasks, id);
		if (task.status !== 'image_generated') {
			return new HttpAnswer(400, [
				`Task status is "${task.status}"; a video can only be generated from status "image_generated".`,
			]);
		}
		const motion = body.motion_style;
		// "one of: talking, display, or blank"
		if (motion !== undefined && motion !== 'talking' && motion !== 'display' && motion !== '') {
			return new HttpAnswer(400, { motion_style: [`"${String(motion)}" is not a valid choice.`] });
		}
		const webhookErrors = webhookUrlErrors(body);
		if (webhookErrors.webhook_url) return new HttpAnswer(400, webhookErrors);
		this.spendOn('gen_video');
		Object.assign(task, {
			motion_style: (motion as string) ?? null,
			video_prompt: (body.video_prompt as string) ?? null,
			webhook_url: (body.webhook_url as string) ?? null,
			status: 'video_generating',
			updated_at: creatifyTimestamp(Date.now()),
		});
		this.runVideoStep(task);
		return new HttpAnswer(200, { ...task });
	}

	/**
	 * regen_image and regen_video (1 credit each): a new task made from a task with an image, pointing back at it
	 * (`regen_source_id`), that runs one step again. regen_video's body is not readable on Creatify's page; the
	 * simulator takes gen_video's fields.
	 */
	private regenerate(
		id: string,
		body: Record<string, unknown>,
		action: 'regen_image' | 'regen_video',
	) {
		const source = found(this.tasks, id);
		const what = action === 'regen_image' ? 'image' : 'video';
		if (!['image_generated', 'video_generated'].includes(source.status)) {
			return new HttpAnswer(400, [
				`Task status is "${source.status}"; its ${what} cannot be regenerated yet.`,
			]);
		}
		const webhookErrors = webhookUrlErrors(body);
		if (webhookErrors.webhook_url) return new HttpAnswer(400, webhookErrors);
		this.spendOn(action);
		const common = {
			type: source.type,
			product_url: source.product_url,
			aspect_ratio: source.aspect_ratio,
			webhook_url: (body.webhook_url as string) ?? null,
			regen_type: action,
			regen_source_id: source.id,
		};
		if (action === 'regen_video') {
			const task = this.seedTask({
				...common,
				generated_photo_url: source.generated_photo_url,
				motion_style: (body.motion_style as string) ?? source.motion_style,
				video_prompt: (body.video_prompt as string) ?? null,
				status: 'video_generating',
			});
			this.runVideoStep(task);
			return new HttpAnswer(200, { ...task });
		}
		const task = this.seedTask({
			...common,
			override_avatar: source.override_avatar,
			product_showcase_url: source.product_showcase_url,
			image_prompt: (body.image_prompt as string) ?? source.image_prompt,
			status: 'initializing',
			generated_photo_url: null,
		});
		this.runImageStep(task);
		return new HttpAnswer(200, { ...task });
	}

	private runVideoStep(task: SimTask): void {
		this.after(this.videoMs, () => {
			const failed = /fail-video/.test(task.video_prompt ?? '')
				? 'Video rendering failed: the scene could not be animated.'
				: null;
			this.finish(
				task,
				failed
					? { status: 'failed', failed_reason: failed }
					: {
							status: 'video_generated',
							generated_video_url: `${this.baseUrl}/media/${task.id}/video.mp4`,
						},
				'video',
			);
		});
	}

	private runImageStep(task: SimTask): void {
		this.after(Math.floor(this.imageMs / 3), () => {
			if (task.status === 'initializing') this.update(task, { status: 'image_generating' });
		});
		this.after(this.imageMs, () => {
			const failed = /fail-image/.test(task.product_url)
				? 'Could not detect a product in the image.'
				: null;
			this.finish(
				task,
				failed
					? { status: 'failed', failed_reason: failed }
					: {
							status: 'image_generated',
							generated_photo_url: `${this.baseUrl}/media/${task.id}/preview.png`,
						},
				'image',
			);
		});
	}

	private update(task: SimTask, fields: Partial<SimTask>): void {
		Object.assign(task, fields, { updated_at: creatifyTimestamp(Date.now()) });
	}

	private finish(task: SimTask, fields: Partial<SimTask>, step: 'image' | 'video'): void {
		this.update(task, fields);
		if (task.webhook_url) this.deliver(task, step);
	}

	timestamp(): string {
		return creatifyTimestamp(Date.now());
	}

	after(ms: number, fn: () => void): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			fn();
		}, ms);
		this.timers.add(timer);
	}

	// ---- webhooks ----

	private deliver(task: SimTask, step: 'image' | 'video'): void {
		const snapshot: SimTask = { ...task };
		if (this.webhook.staleVideoStatus && step === 'video' && task.status === 'video_generated') {
			snapshot.status = 'video_generating';
		}
		this.postCallback(task.webhook_url as string, snapshot, task.id, snapshot.status);
	}

	/** Posts a job's callback as the webhook behaviour says: copies, delays, losses, origins. */
	postCallback(webhookUrl: string, payload: object, jobId: string, status: string): void {
		const behaviour = this.webhook;
		if (behaviour.lose) return;
		for (let copy = 0; copy < (behaviour.copies ?? 1); copy++) {
			const url = this.routed(webhookUrl);
			const delivery = (async () => {
				if (behaviour.delayMs) await delay(behaviour.delayMs);
				const record: WebhookDelivery = { url, taskId: jobId, status, at: Date.now() };
				try {
					record.responseStatus = await postJson(url, payload, behaviour.timeoutMs);
				} catch (error) {
					record.error = (error as Error).message;
				}
				record.ms = Date.now() - record.at;
				this.webhookDeliveries.push(record);
			})();
			this.pendingDeliveries.add(delivery);
			void delivery.finally(() => this.pendingDeliveries.delete(delivery));
		}
	}

	private deliveriesRouted = 0;

	private routed(url: string): string {
		const origins = this.webhook.origins;
		if (!origins?.length) return url;
		const target = new URL(url);
		const origin = new URL(origins[this.deliveriesRouted++ % origins.length]);
		target.protocol = origin.protocol;
		target.host = origin.host;
		return target.toString();
	}

	// ---- media ----

	private serveMedia(path: string, req: IncomingMessage, res: ServerResponse): void {
		const match = /^\/media\/([^/]+)\/([a-z0-9-]+\.[a-z0-9]+)$/.exec(path);
		const file = match ? MEDIA[match[2]] : undefined;
		const id = match?.[1] ?? '';
		const job = this.anyJob(id);
		if (!file || !job || this.mediaExpired) {
			res.writeHead(this.mediaExpired ? 410 : 404, { 'content-type': 'text/plain' });
			res.end(this.mediaExpired ? 'link expired' : 'not found');
			return;
		}
		const size = file.large ? this.videoBytes : this.imageBytes;
		res.writeHead(200, { 'content-type': file.type, 'content-length': String(size) });
		if (req.method === 'HEAD') {
			res.end();
			return;
		}
		streamBytes(res, size, file.header);
	}
}

const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MP4_HEADER = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32]);
const WEBM_HEADER = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
const MP3_HEADER = Buffer.from([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0]);

/** The media files a job links to: their type, first bytes, and whether they take videoBytes or imageBytes. */
const MEDIA: Record<string, { type: string; header: Buffer; large: boolean }> = {
	'video.mp4': { type: 'video/mp4', header: MP4_HEADER, large: true },
	'video.webm': { type: 'video/webm', header: WEBM_HEADER, large: true },
	'preview.png': { type: 'image/png', header: PNG_HEADER, large: false },
	'thumbnail.jpg': { type: 'image/jpeg', header: PNG_HEADER, large: false },
	'audio.mp3': { type: 'audio/mpeg', header: MP3_HEADER, large: false },
	// Image Ads' banners
	'rectangle.png': { type: 'image/png', header: PNG_HEADER, large: false },
	'leaderboard.png': { type: 'image/png', header: PNG_HEADER, large: false },
	'skyscraper.png': { type: 'image/png', header: PNG_HEADER, large: false },
	'mobile.png': { type: 'image/png', header: PNG_HEADER, large: false },
	// the Asset Generator's images, one per output
	...Object.fromEntries(
		[1, 2, 3, 4].map((n) => [
			`image-${n}.png`,
			{ type: 'image/png', header: PNG_HEADER, large: false },
		]),
	),
};

/** Writes `size` bytes without holding them in memory, honouring back-pressure. */
function streamBytes(res: ServerResponse, size: number, header: Buffer): void {
	const chunk = Buffer.alloc(64 * 1024, 0x2e);
	const first = Buffer.concat([header, chunk.subarray(header.length)]);
	let sent = 0;
	const pump = () => {
		while (sent < size) {
			const piece = (sent === 0 ? first : chunk).subarray(0, Math.min(chunk.length, size - sent));
			sent += piece.length;
			if (!res.write(piece)) {
				res.once('drain', pump);
				return;
			}
		}
		res.end();
	};
	pump();
}

function filterPersonas(query: Record<string, string>) {
	return PERSONAS.filter(
		(p) =>
			(!query.gender || p.gender === query.gender) &&
			(!query.age_range || p.age_range === query.age_range),
	);
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function postJson(url: string, payload: unknown, timeoutMs = 10_000): Promise<number> {
	return new Promise((resolve, reject) => {
		const data = JSON.stringify(payload);
		const req = httpRequest(
			url,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
				timeout: timeoutMs,
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			},
		);
		req.on('timeout', () => req.destroy(new Error('webhook delivery timed out')));
		req.on('error', reject);
		req.end(data);
	});
}
