/**
 * The simulator's AI Scripts (nodes/shared/families/aiScript.ts): a link becomes a job that writes one script
 * per script style (two by default), 1 credit. A link to a page whose URL contains "fail-script" fails. Callbacks
 * post the whole record (no body is documented).
 */
import { randomUUID } from 'node:crypto';

import { HttpAnswer } from './http';
import type { QueuedJob, SimHost } from './queueJob';
import { JobCollectionRoutes, isUuid, runQueuedJob, webhookUrlErrors } from './queueJob';

export const AI_SCRIPT_COST = 1;
const DEFAULT_STYLES = ['BenefitsV2', 'ProblemSolutionV2'];

export class AiScriptRoutes extends JobCollectionRoutes {
	constructor(
		host: SimHost,
		/** the page a link was read from, if the simulator has the link */
		private readonly linkUrl: (id: string) => string | undefined,
	) {
		super(host, 'ai_scripts');
	}

	protected create(body: Record<string, unknown>): HttpAnswer {
		const page = isUuid(body.link) ? this.linkUrl(body.link) : undefined;
		if (!page) return new HttpAnswer(400, { link: ['Invalid pk - object does not exist.'] });
		const webhook = webhookUrlErrors(body);
		if (Object.keys(webhook).length) return new HttpAnswer(400, webhook);
		this.host.spend(AI_SCRIPT_COST);
		const now = this.host.timestamp();
		const job: QueuedJob = {
			id: randomUUID(),
			language: body.language ?? 'en',
			target_audience: body.target_audience ?? null,
			video_length: body.video_length ?? 30,
			script_styles: Array.isArray(body.script_styles) ? body.script_styles : DEFAULT_STYLES,
			generated_scripts: [],
			failed_reason: null,
			status: 'pending',
			product: { url: page, title: `Product at ${new URL(page).pathname}` },
			credits_used: 0,
			webhook_url: (body.webhook_url as string) ?? null,
			created_at: now,
			updated_at: now,
		};
		this.jobs.set(job.id, job);
		runQueuedJob(
			this.host,
			job,
			this.host.renderMs(),
			() => this.outcome(job, page),
			(j) => ({ ...j }),
		);
		return new HttpAnswer(201, { ...job });
	}

	private outcome(job: QueuedJob, page: string): Partial<QueuedJob> {
		if (/fail-script/.test(page))
			return { status: 'failed', failed_reason: 'No product information to write about.' };
		const generated_scripts = (job.script_styles as string[]).map((style, n) => ({
			title: `Script ${n + 1}`,
			script_name: `${style} script`,
			script_style: style,
			paragraphs: `Meet the product from ${page}. Written in the ${style} style, ${String(job.video_length)} seconds long.`,
		}));
		return { status: 'done', generated_scripts, credits_used: AI_SCRIPT_COST };
	}
}
