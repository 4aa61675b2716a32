/**
 * The simulator's AI Ad Template routes (https://docs.creatify.ai/api-reference/inspiration/get-inspirations,
 * /post-inspiration-job): templates with a JSON input schema and a credit cost; a job checks its inputs against
 * the schema, costs the template's credits, and ends with `output` as the JSON text of a list of asset URLs (the
 * docs type it as a string holding a list). An input containing "fail-template" makes the job fail.
 */
import { randomUUID } from 'node:crypto';

import { HttpAnswer } from './http';
import type { SimInputSchema } from './inputSchema';
import { schemaProblems } from './inputSchema';
import type { SimHost } from './queueJob';
import { found, isUuid, listByIds, runQueuedJob } from './queueJob';

interface SimTemplate {
	id: string;
	name: string;
	description: string;
	gen_type: string;
	credit_cost: number;
	input_params_schema: SimInputSchema & { schema_uri: string };
	preview_image: string | null;
	preview_video: string | null;
	categories: Array<{ name: string }>;
	labels: Array<{ name: string }>;
	/** the assets a job of this template makes */
	outputs: string[];
}

export const TEMPLATES: SimTemplate[] = [
	{
		id: 'd749750d-4102-400d-949d-8e701bd0a800',
		name: 'Luxurious Jewelry',
		description: 'An image turning your jewel into a luxury ad video',
		gen_type: 'image_to_video',
		credit_cost: 10,
		input_params_schema: {
			schema_uri: 'http://json-schema.org/draft-07/schema#',
			required: ['Product Image'],
			properties: {
				'Product Image': { type: 'string', format: 'uri', title: 'Product Image' },
				'Brand Name': { type: 'string' },
			},
		},
		preview_image: 'https://cdn.example.com/templates/jewelry.png',
		preview_video: null,
		categories: [{ name: 'Jewelry' }],
		labels: [{ name: 'Video' }],
		outputs: ['video.mp4'],
	},
	{
		id: '5e0c8a4b-2f1d-4e3a-9b6c-7d8e9f0a1b2c',
		name: 'Summer Sale Banners',
		description: 'Static sale banners in several sizes',
		gen_type: 'image',
		credit_cost: 2,
		input_params_schema: {
			schema_uri: 'http://json-schema.org/draft-07/schema#',
			required: ['Headline', 'Product Image'],
			properties: {
				Headline: { type: 'string' },
				'Product Image': { type: 'string', format: 'uri' },
				Style: { type: 'string', enum: ['bold', 'minimal'] },
				Variations: { type: 'integer' },
			},
		},
		preview_image: null,
		preview_video: null,
		categories: [{ name: 'Retail' }],
		labels: [{ name: 'Image' }],
		outputs: ['preview.png', 'thumbnail.jpg'],
	},
];

/** A template as Creatify shows it: without what the simulator keeps for making its jobs. */
function publicTemplate(template: SimTemplate): Omit<SimTemplate, 'outputs'> {
	const shown: Partial<SimTemplate> = { ...template };
	delete shown.outputs;
	return shown as Omit<SimTemplate, 'outputs'>;
}

export interface SimTemplateJob {
	id: string;
	inspiration_id: string;
	gen_type: string;
	status: string;
	failed_reason: string | null;
	input_params: string;
	output: string | null;
	webhook_url: string | null;
	created_at: string;
	updated_at: string;
	[field: string]: unknown;
}

export class AdTemplateRoutes {
	readonly jobs = new Map<string, SimTemplateJob>();
	/** this simulator's templates: TEMPLATES, which a test may change until the next reset */
	templates: SimTemplate[] = structuredClone(TEMPLATES);

	constructor(private readonly host: SimHost) {}

	clear() {
		this.jobs.clear();
		this.templates = structuredClone(TEMPLATES);
	}

	route(
		method: string,
		parts: string[],
		query: Record<string, string>,
		body: Record<string, unknown>,
	) {
		if (parts[1] === 'inspirations' && method === 'GET') {
			const shown = this.templates.map(publicTemplate);
			if (parts.length === 2) return new HttpAnswer(200, shown);
			return new HttpAnswer(200, found(new Map(shown.map((t) => [t.id, t])), parts[2]));
		}
		if (parts[1] !== 'inspiration_jobs') return undefined;
		if (parts.length === 2 && method === 'GET') return listByIds(this.jobs, query);
		if (parts.length === 2 && method === 'POST') return this.create(body);
		if (parts.length === 3 && method === 'GET')
			return new HttpAnswer(200, found(this.jobs, parts[2]));
		return undefined;
	}

	private create(body: Record<string, unknown>): HttpAnswer {
		const template = this.templates.find((t) => t.id === body.inspiration_id);
		if (!isUuid(body.inspiration_id) || !template)
			return new HttpAnswer(400, { inspiration_id: ['Inspiration not found.'] });
		const problems = schemaProblems(template.input_params_schema, body.input_params);
		if (problems.length) return new HttpAnswer(400, { input_params: problems });
		this.host.spend(template.credit_cost);
		const now = this.host.timestamp();
		const job: SimTemplateJob = {
			id: randomUUID(),
			inspiration_id: template.id,
			gen_type: template.gen_type,
			status: 'pending',
			failed_reason: null,
			input_params: JSON.stringify(body.input_params),
			output: null,
			webhook_url: typeof body.webhook_url === 'string' ? body.webhook_url : null,
			created_at: now,
			updated_at: now,
		};
		this.jobs.set(job.id, job);
		runQueuedJob(
			this.host,
			job,
			this.host.renderMs(),
			() => this.outcome(job, template),
			callbackOf,
		);
		return new HttpAnswer(201, { ...job });
	}

	private outcome(job: SimTemplateJob, template: SimTemplate): Partial<SimTemplateJob> {
		if (/fail-template/.test(job.input_params))
			return { status: 'failed', failed_reason: 'The generation failed for these inputs.' };
		const urls = template.outputs.map((name) => `${this.host.url}/media/${job.id}/${name}`);
		return { status: 'done', output: JSON.stringify(urls) };
	}

	/** Calls back again, as Creatify does when it repeats a delivery. */
	callback(job: SimTemplateJob) {
		this.host.postCallback(job.webhook_url as string, callbackOf(job), job.id, job.status);
	}
}

/** Not documented for templates: the shape of Creatify's other job callbacks. */
function callbackOf({ id, status, failed_reason, output }: SimTemplateJob) {
	return { id, status, failed_reason, output };
}
