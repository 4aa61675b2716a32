/**
 * The simulator's URL to Video routes: links (scraped pages), link_to_videos with their lifecycle, credits by
 * length and callbacks, and voices. Shapes follow Creatify's pages cited in nodes/shared/families/urlToVideo.ts.
 *
 * Page URLs containing "no-media" give a page without images or videos; "scrape-fail" a page that cannot be
 * read. A video whose name or script contains "fail-video" fails; one whose script contains "reject-video" is
 * rejected.
 *
 * Previews (preview_list_async): one preview per visual style, 1 credit per 30 s each (the higher of the prices
 * Creatify's pages give); the job ends `done` with `previews` and no video. Render (`render` for a job with one
 * preview, `render_single_preview` with a preview's media_job) costs 4 per 30 s and takes the same job through
 * pending → done again, now with its video. A render of a job whose previews are not ready is refused (400).
 */
import { randomUUID } from 'node:crypto';

import { HttpAnswer } from './http';
import type { SimHost } from './queueJob';
import { found, isUuid, listByIds, runQueuedJob } from './queueJob';

export const CREDITS_PER_30_SECONDS = 5;
export const PREVIEW_CREDITS_PER_30_SECONDS = 1;
export const RENDER_CREDITS_PER_30_SECONDS = 4;

const blocks = (length: unknown) => Math.max(1, Math.ceil(Number(length ?? 30) / 30));

/** model_version → [credits per 30 s, credits per second] (the link_to_videos record's description) */
const MODEL_PRICES: Record<string, [number, number]> = {
	standard: [CREDITS_PER_30_SECONDS, 0],
	boreal: [10, 0],
	aurora_v1: [0, 1],
	aurora_v1_fast: [0, 0.5],
	aurora_v2: [0, 0.7],
};

/** What a video costs with its model (standard when none is given). */
function videoCost(video: Record<string, unknown>): number {
	const [per30, perSecond] = MODEL_PRICES[String(video.model_version ?? 'standard')];
	return per30
		? blocks(video.video_length) * per30
		: Math.ceil(Number(video.video_length ?? 30) * perSecond);
}
export const LINK_WITH_PARAMS_COST = 1;

export type LinkVideoStatus = 'pending' | 'in_queue' | 'running' | 'done' | 'failed' | 'rejected';

export interface SimLinkVideo {
	id: string;
	link: string;
	name: string | null;
	status: LinkVideoStatus;
	progress: number;
	failed_reason: string | null;
	video_output: string | null;
	video_thumbnail: string | null;
	credits_used: number;
	webhook_url: string | null;
	created_at: string;
	updated_at: string;
	[field: string]: unknown;
}

export interface SimLink {
	id: string;
	url: string | null;
	link: {
		id: string;
		url: string | null;
		title: string | null;
		description: string | null;
		image_urls: string[];
		video_urls: string[];
		reviews: unknown;
		logo_url: string | null;
		ai_summary: string | null;
	};
}

export const VOICES = [
	{
		name: 'Aria',
		gender: 'female',
		accents: [
			{ id: '2e4f6a8b-0c1d-4e3f-8a5b-7c9d1e3f5a7b', accent_name: 'American', preview_url: null },
			{ id: '3f5a7b9c-1d2e-4f4a-9b6c-8d0e2f4a6b8c', accent_name: 'British', preview_url: null },
		],
	},
	{
		name: 'Leo',
		gender: 'male',
		accents: [
			{ id: '4a6b8c0d-2e3f-4a5b-8c7d-9e1f3a5b7c9d', accent_name: 'Australian', preview_url: null },
		],
	},
];

export class UrlToVideoRoutes {
	readonly links = new Map<string, SimLink>();
	readonly videos = new Map<string, SimLinkVideo>();

	constructor(private readonly host: SimHost) {}

	clear() {
		this.links.clear();
		this.videos.clear();
	}

	/** The answer for a request under /api/links/, /api/link_to_videos/ or /api/voices/, if it is one. */
	route(
		method: string,
		parts: string[],
		query: Record<string, string>,
		body: Record<string, unknown>,
	) {
		const [, resource, second] = parts;
		if (resource === 'voices' && parts.length === 2 && method === 'GET') {
			return new HttpAnswer(200, VOICES);
		}
		if (resource === 'links') return this.routeLinks(method, parts, query, body);
		if (resource !== 'link_to_videos') return undefined;
		if (parts.length === 2 && method === 'GET') return listByIds(this.videos, query);
		if (parts.length === 2 && method === 'POST') return this.createVideo(body);
		if (second === 'preview_list_async' && parts.length === 3 && method === 'POST')
			return this.createPreviews(body);
		if (second && parts.length === 3 && method === 'GET')
			return new HttpAnswer(200, found(this.videos, second));
		const action = parts[3];
		if (second && parts.length === 4 && method === 'POST' && action?.startsWith('render'))
			return this.renderPreview(found(this.videos, second), action, body);
		return undefined;
	}

	private routeLinks(
		method: string,
		parts: string[],
		query: Record<string, string>,
		body: Record<string, unknown>,
	) {
		const second = parts[2];
		if (parts.length === 2 && method === 'POST') return this.scrape(body);
		if (parts.length === 2 && method === 'GET') return listByIds(this.links, query);
		if (second === 'paginated' && parts.length === 3 && method === 'GET')
			return this.pageLinks(query);
		if (second === 'link_with_params' && parts.length === 3 && method === 'POST') {
			return this.linkWithParams(body);
		}
		if (second && parts.length === 3 && method === 'GET')
			return new HttpAnswer(200, found(this.links, second));
		if (second && parts.length === 3 && method === 'PUT') return this.updateLink(second, body);
		return undefined;
	}

	/** A link as if Creatify had scraped the page. */
	seedLink(
		url = 'https://shop.example.com/products/bottle',
		fields: Partial<SimLink['link']> = {},
	) {
		const id = randomUUID();
		const link: SimLink = {
			id,
			url,
			link: {
				id: randomUUID(),
				url,
				title: `Product at ${new URL(url).pathname}`,
				description: 'A product worth a video.',
				image_urls: [`${url}/image-1.jpg`, `${url}/image-2.jpg`, `${url}/image-3.jpg`],
				video_urls: [],
				reviews: null,
				logo_url: null,
				ai_summary: null,
				...fields,
			},
		};
		this.links.set(id, link);
		return link;
	}

	private scrape(body: Record<string, unknown>): HttpAnswer {
		const url = body.url;
		if (typeof url !== 'string' || url === '')
			return new HttpAnswer(400, { url: ['This field is required.'] });
		if (!/^https?:\/\//.test(url)) return new HttpAnswer(400, { url: ['Enter a valid URL.'] });
		if (/scrape-fail/.test(url)) return new HttpAnswer(400, [`Failed to scrape url: ${url}`]);
		if (/no-media/.test(url))
			return new HttpAnswer(400, ['Link must have at least one image or one video.']);
		return new HttpAnswer(200, this.seedLink(url));
	}

	private linkWithParams(body: Record<string, unknown>): HttpAnswer {
		const images = Array.isArray(body.image_urls) ? (body.image_urls as string[]) : [];
		const videos = Array.isArray(body.video_urls) ? (body.video_urls as string[]) : [];
		if (images.length + videos.length === 0) {
			return new HttpAnswer(400, ['Link must have at least one image or one video.']);
		}
		this.host.spend(LINK_WITH_PARAMS_COST);
		const link = this.seedLink('https://no-page.example.com/product', {
			title: (body.title as string) ?? null,
			description: (body.description as string) ?? null,
			image_urls: images,
			video_urls: videos,
			logo_url: (body.logo_url as string) ?? null,
			reviews: body.reviews ?? null,
		});
		link.url = null;
		link.link.url = null;
		return new HttpAnswer(200, link);
	}

	private updateLink(id: string, body: Record<string, unknown>): HttpAnswer {
		const link = found(this.links, id);
		const fields = [
			'title',
			'description',
			'image_urls',
			'video_urls',
			'logo_url',
			'reviews',
			'url',
		];
		for (const field of fields) {
			if (body[field] !== undefined) (link.link as Record<string, unknown>)[field] = body[field];
		}
		return new HttpAnswer(200, link.link);
	}

	private pageLinks(query: Record<string, string>): HttpAnswer {
		const page = Number(query.page ?? '1');
		const size = Number(query.page_size ?? '10');
		const all = [...this.links.values()].reverse();
		const start = (page - 1) * size;
		if (!(page >= 1 && size >= 1) || (start >= all.length && page !== 1)) {
			return new HttpAnswer(404, { detail: 'Invalid page.' });
		}
		const next =
			start + size < all.length ? `${this.host.url}/api/links/paginated/?page=${page + 1}` : null;
		return new HttpAnswer(200, {
			count: all.length,
			next,
			previous: null,
			results: all.slice(start, start + size),
		});
	}

	private createVideo(body: Record<string, unknown>): HttpAnswer {
		const problems = videoProblems(body, this.links);
		if (problems) return new HttpAnswer(400, problems);
		const cost = videoCost(body);
		this.host.spend(cost);
		const video = this.newVideo(body, cost);
		this.render(video);
		return new HttpAnswer(200, { ...video });
	}

	private createPreviews(body: Record<string, unknown>): HttpAnswer {
		const styles = body.visual_styles;
		const problems = videoProblems(body, this.links) ?? {};
		if (!Array.isArray(styles) || styles.length === 0)
			problems.visual_styles = ['This list may not be empty.'];
		else if (styles.some((style) => !/Template$|Effect$/.test(String(style))))
			problems.visual_styles = ['Contains a style that is not a valid choice.'];
		if (Object.keys(problems).length) return new HttpAnswer(400, problems);
		const cost =
			blocks(body.video_length) * PREVIEW_CREDITS_PER_30_SECONDS * (styles as unknown[]).length;
		this.host.spend(cost);
		const video = this.newVideo(body, cost);
		video.previews = [];
		runQueuedJob(
			this.host,
			video,
			this.host.renderMs(),
			() => this.previewsOutcome(video),
			callbackOf,
		);
		return new HttpAnswer(200, { ...video });
	}

	private previewsOutcome(video: SimLinkVideo): Partial<SimLinkVideo> {
		const failed = videoOutcome(this.host.url, video);
		if (failed.status !== 'done') return failed;
		const previews = (video.visual_styles as string[]).map((visual_style) => {
			const media_job = randomUUID();
			const url = `https://app.creatify.ai/preview?layout=videos/${media_job}.json`;
			return { media_job, visual_style, url, aspect_ratio: video.aspect_ratio ?? '16x9' };
		});
		return { status: 'done', progress: 1, previews, preview: previews[0].url };
	}

	/** A render of a job's preview: the same job goes through its statuses again and gets its video. */
	private renderPreview(video: SimLinkVideo, action: string, body: Record<string, unknown>) {
		const previews = (video.previews ?? []) as Array<{ media_job: string; visual_style: string }>;
		if (video.status !== 'done' || previews.length === 0)
			return new HttpAnswer(400, ['The previews of this video are not ready.']);
		const chosen =
			action === 'render_single_preview'
				? previews.find((p) => p.media_job === body.media_job)
				: previews[0];
		if (!chosen) return new HttpAnswer(400, { media_job: ['No preview with this media_job.'] });
		// a model other than standard: its price for the whole video (the pages give no render price per model)
		const standard = String(video.model_version ?? 'standard') === 'standard';
		const cost = standard
			? blocks(video.video_length) * RENDER_CREDITS_PER_30_SECONDS
			: videoCost(video);
		this.host.spend(cost);
		// a render request may name its own webhook_url, as every create request does
		if (typeof body.webhook_url === 'string') video.webhook_url = body.webhook_url;
		Object.assign(video, {
			status: 'pending',
			visual_style: chosen.visual_style,
			media_job: chosen.media_job,
			credits_used: Number(video.credits_used) + cost,
			updated_at: this.host.timestamp(),
		});
		this.render(video);
		return new HttpAnswer(200, { ...video });
	}

	private newVideo(body: Record<string, unknown>, cost: number): SimLinkVideo {
		const now = this.host.timestamp();
		const video: SimLinkVideo = {
			...body,
			id: randomUUID(),
			link: body.link as string,
			name: (body.name as string) ?? null,
			status: 'pending',
			progress: 0,
			failed_reason: null,
			video_output: null,
			video_thumbnail: null,
			preview: null,
			media_job: null,
			credits_used: cost,
			is_hidden: false,
			webhook_url: (body.webhook_url as string) ?? null,
			created_at: now,
			updated_at: now,
		};
		this.videos.set(video.id, video);
		return video;
	}

	private render(video: SimLinkVideo) {
		runQueuedJob(
			this.host,
			video,
			this.host.renderMs(),
			() => videoOutcome(this.host.url, video),
			callbackOf,
		);
	}

	/** Calls back again, as Creatify does when it repeats a delivery. */
	callback(video: SimLinkVideo) {
		this.host.postCallback(video.webhook_url as string, callbackOf(video), video.id, video.status);
	}
}

function videoOutcome(url: string, video: SimLinkVideo): Partial<SimLinkVideo> {
	const script = `${video.name ?? ''} ${String(video.override_script ?? '')}`;
	if (/reject-video/.test(script))
		return { status: 'rejected', failed_reason: 'The video was rejected by content moderation.' };
	if (/fail-video/.test(script))
		return { status: 'failed', failed_reason: 'Rendering failed: the page had no usable media.' };
	return {
		status: 'done',
		progress: 1,
		video_output: `${url}/media/${video.id}/video.mp4`,
		video_thumbnail: `${url}/media/${video.id}/thumbnail.jpg`,
	};
}

/** The documented webhook body of a video (a subset of its record); of a preview job, with its previews. */
function callbackOf(video: SimLinkVideo) {
	const { id, status, failed_reason, video_output, video_thumbnail, previews } = video;
	if (Array.isArray(previews) && !video_output) return { id, status, failed_reason, previews };
	return { id, status, failed_reason, video_output, video_thumbnail };
}

function videoProblems(body: Record<string, unknown>, links: Map<string, SimLink>) {
	const errors: Record<string, string[]> = {};
	if (!isUuid(body.link)) errors.link = ['Must be a valid UUID.'];
	else if (!links.has(body.link as string))
		errors.link = [`Invalid pk "${body.link}" - object does not exist.`];
	if (
		body.aspect_ratio !== undefined &&
		!['16x9', '1x1', '9x16'].includes(String(body.aspect_ratio))
	) {
		errors.aspect_ratio = [`"${String(body.aspect_ratio)}" is not a valid choice.`];
	}
	if (body.model_version !== undefined && !(String(body.model_version) in MODEL_PRICES))
		errors.model_version = [`"${String(body.model_version)}" is not a valid choice.`];
	if (body.video_length !== undefined && ![15, 30, 45, 60].includes(Number(body.video_length))) {
		errors.video_length = [`"${String(body.video_length)}" is not a valid choice.`];
	}
	if (body.visual_style !== undefined && !/Template$|Effect$/.test(String(body.visual_style))) {
		errors.visual_style = [`"${String(body.visual_style)}" is not a valid choice.`];
	}
	for (const field of ['background_music_volume', 'voiceover_volume']) {
		const value = body[field];
		if (value !== undefined && !(typeof value === 'number' && value >= 0 && value <= 1)) {
			errors[field] = ['Ensure this value is between 0 and 1.'];
		}
	}
	return Object.keys(errors).length ? errors : undefined;
}
