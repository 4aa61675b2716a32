/**
 * The simulator's Image Ads (nodes/shared/families/imageAd.ts): an image URL (png, jpg, jpeg or webp) becomes
 * four IAB banners, 2 credits a request. An image URL containing "fail-image" fails; "reject-image" is rejected.
 * Callbacks post the whole record (the page documents no body).
 */
import { randomUUID } from 'node:crypto';

import { HttpAnswer } from './http';
import type { QueuedJob, SimHost } from './queueJob';
import { JobCollectionRoutes, runQueuedJob, webhookUrlErrors } from './queueJob';

export const IMAGE_AD_COST = 2;

/** The banners each job makes, and the media file each is served as. */
export const BANNERS = [
	{ name: 'Medium Rectangle', size: '300x250', file: 'rectangle.png' },
	{ name: 'Leaderboard', size: '728x90', file: 'leaderboard.png' },
	{ name: 'Wide Skyscraper', size: '160x600', file: 'skyscraper.png' },
	{ name: 'Mobile Banner', size: '320x50', file: 'mobile.png' },
];

function imageProblems(body: Record<string, unknown>): Record<string, string[]> {
	const image = body.image;
	if (typeof image !== 'string' || !/^https?:\/\//.test(image))
		return { image: ['Enter a valid URL.'] };
	const extension = /\.([a-z0-9]+)(?:\?|$)/i.exec(image)?.[1]?.toLowerCase();
	if (extension && !['png', 'jpg', 'jpeg', 'webp'].includes(extension))
		return { image: ["'png', 'jpg', 'jpeg', 'webp' formats only."] };
	return webhookUrlErrors(body);
}

export class ImageAdRoutes extends JobCollectionRoutes {
	constructor(host: SimHost) {
		super(host, 'iab_images');
	}

	protected create(body: Record<string, unknown>): HttpAnswer {
		const problems = imageProblems(body);
		if (Object.keys(problems).length) return new HttpAnswer(400, problems);
		this.host.spend(IMAGE_AD_COST);
		const now = this.host.timestamp();
		const job: QueuedJob = {
			id: randomUUID(),
			image: body.image,
			output: [],
			status: 'pending',
			failed_reason: null,
			webhook_url: (body.webhook_url as string) ?? null,
			created_at: now,
			updated_at: now,
		};
		this.jobs.set(job.id, job);
		runQueuedJob(
			this.host,
			job,
			this.host.renderMs(),
			() => this.outcome(job),
			(j) => ({ ...j }),
		);
		return new HttpAnswer(201, { ...job });
	}

	private outcome(job: QueuedJob): Partial<QueuedJob> {
		const image = String(job.image);
		if (/reject-image/.test(image))
			return { status: 'rejected', failed_reason: 'The image was rejected by content moderation.' };
		if (/fail-image/.test(image))
			return { status: 'failed', failed_reason: 'No product could be found in the image.' };
		const output = BANNERS.map(({ name, size, file }) => ({
			name,
			size,
			url: `${this.host.url}/media/${job.id}/${file}`,
			type: 'image',
		}));
		return { status: 'done', output };
	}
}
