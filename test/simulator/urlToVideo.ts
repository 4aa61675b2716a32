/**
 * The simulator's URL to Video routes: links (scraped pages), link_to_videos with their lifecycle, credits by
 * length and callbacks, and voices. Shapes follow Creatify's pages cited in nodes/shared/families/urlToVideo.ts.
 *
 * Page URLs containing "no-media" give a page without images or videos; "scrape-fail" a page that cannot be
 * read. A video whose name or script contains "fail-video" fails; one whose script contains "reject-video" is
 * rejected.
 */
import { randomUUID } from 'node:crypto';

import { HttpAnswer } from './http';
import type { SimHost } from './queueJob';
import { found, isUuid, listByIds, runQueuedJob } from './queueJob';

export const CREDITS_PER_30_SECONDS = 5;
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
		if (second && parts.length === 3 && method === 'GET')
			return new HttpAnswer(200, found(this.videos, second));
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
		const length = Number(body.video_length ?? 30);
		const cost = Math.max(1, Math.ceil(length / 30)) * CREDITS_PER_30_SECONDS;
		this.host.spend(cost);
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
		this.render(video);
		return new HttpAnswer(200, { ...video });
	}

	private render(video: SimLinkVideo) {
		runQueuedJob(
			this.host,
			video,
			this.host.videoMs,
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

/** The documented webhook body of a video: a subset of its record. */
function callbackOf({ id, status, failed_reason, video_output, video_thumbnail }: SimLinkVideo) {
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
