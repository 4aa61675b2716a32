/**
 * The simulator's Asset Generator (nodes/shared/families/assetGenerator.ts): models with a JSON input schema,
 * a generation that checks its inputs against the schema, costs the model's price per output, moves through
 * initializing and generating, and ends done with `assets` as the JSON text of a list of URLs (the docs type it
 * as a string described as a list). A prompt containing "fail-prompt" fails. Callbacks post the whole record
 * (the page documents no body).
 */
import { randomUUID } from 'node:crypto';

import { HttpAnswer } from './http';
import type { SimInputSchema } from './inputSchema';
import { schemaProblems } from './inputSchema';
import type { QueuedJob, SimHost } from './queueJob';
import { JobCollectionRoutes, runQueuedJob, webhookUrlErrors } from './queueJob';

interface SimModel {
	model_name: string;
	generation_type: string;
	input_params_schema: SimInputSchema & { $schema: string };
	/** credits per output, from the inputs (kept by the simulator, not shown: the API lists no prices) */
	price: (params: Record<string, unknown>) => number;
	/** the media file each output is served as */
	output: 'image' | 'video';
}

const SCHEMA_URI = 'http://json-schema.org/draft-07/schema#';

export const ASSET_MODELS: SimModel[] = [
	{
		model_name: 'nano-banana',
		generation_type: 'text_to_image',
		input_params_schema: {
			$schema: SCHEMA_URI,
			required: ['prompt'],
			properties: {
				prompt: { type: 'string', maxLength: 5000 },
				num_images: { type: 'integer', minimum: 1, maximum: 4, default: 1 },
				aspect_ratio: { type: 'string', enum: ['1:1', '16:9', '9:16'], default: '1:1' },
			},
		},
		price: () => 4,
		output: 'image',
	},
	{
		model_name: 'nano-banana/edit',
		generation_type: 'image_to_image',
		input_params_schema: {
			$schema: SCHEMA_URI,
			required: ['prompt', 'image_urls'],
			properties: {
				prompt: { type: 'string', maxLength: 5000 },
				image_urls: { type: 'array', maxItems: 4, items: { type: 'string', format: 'uri' } },
				num_images: { type: 'integer', minimum: 1, maximum: 4, default: 1 },
			},
		},
		price: () => 4,
		output: 'image',
	},
	{
		model_name: 'kling-video/v1.6/pro/image-to-video',
		generation_type: 'image_to_video',
		input_params_schema: {
			$schema: SCHEMA_URI,
			required: ['prompt', 'image_url'],
			properties: {
				prompt: { type: 'string', maxLength: 2500 },
				image_url: { type: 'string', format: 'uri' },
				duration: { type: 'string', enum: ['5', '10'], default: '5' },
				cfg_scale: { type: 'number', minimum: 0, maximum: 1, default: 0.5 },
			},
		},
		price: (params) => (params.duration === '10' ? 24 : 12),
		output: 'video',
	},
	{
		model_name: 'studio-model/text-to-image',
		generation_type: 'text_to_image',
		input_params_schema: {
			$schema: SCHEMA_URI,
			required: ['prompt'],
			properties: { prompt: { type: 'string' } },
		},
		price: () => 1.5,
		output: 'image',
	},
];

/** A model as the schemas endpoint lists it. */
const shown = ({ model_name, generation_type, input_params_schema }: SimModel) => ({
	model_name,
	generation_type,
	input_params_schema,
});

export class AssetGeneratorRoutes extends JobCollectionRoutes {
	constructor(host: SimHost) {
		super(host, 'asset_generator');
	}

	route(
		method: string,
		parts: string[],
		query: Record<string, string>,
		body: Record<string, unknown>,
	) {
		if (parts[1] === 'asset_generator' && parts[2] === 'schemas' && method === 'GET') {
			const names = query.model_name?.split(',').filter(Boolean);
			const models = names
				? ASSET_MODELS.filter((m) => names.includes(m.model_name))
				: ASSET_MODELS;
			return new HttpAnswer(200, models.map(shown));
		}
		return super.route(method, parts, query, body);
	}

	protected create(body: Record<string, unknown>): HttpAnswer {
		const model = ASSET_MODELS.find((m) => m.model_name === body.model_name);
		if (!model) return new HttpAnswer(400, { model_name: ['Invalid model name.'] });
		const problems = schemaProblems(model.input_params_schema, body.input_params);
		if (problems.length) return new HttpAnswer(400, { input_params: problems });
		const webhook = webhookUrlErrors(body);
		if (Object.keys(webhook).length) return new HttpAnswer(400, webhook);
		const params = body.input_params as Record<string, unknown>;
		const outputs = Number(params.num_images ?? 1);
		const credits = model.price(params) * outputs;
		this.host.spend(credits);
		const now = this.host.timestamp();
		const job: QueuedJob = {
			id: randomUUID(),
			model_name: model.model_name,
			gen_type: model.generation_type,
			failed_reason: null,
			assets: null,
			duration: model.output === 'video' ? Number(params.duration ?? 5) : -1,
			input_params: params,
			credits_used: String(credits),
			status: 'initializing',
			aspect_ratio: String(params.aspect_ratio ?? ''),
			output_nums: outputs,
			resolution: '',
			webhook_url: (body.webhook_url as string) ?? null,
			created_at: now,
			updated_at: now,
		};
		this.jobs.set(job.id, job);
		runQueuedJob(
			this.host,
			job,
			this.host.renderMs(),
			() => this.outcome(job, model, outputs),
			(j) => ({ ...j }),
			['initializing', 'generating'],
		);
		return new HttpAnswer(201, { ...job });
	}

	private outcome(job: QueuedJob, model: SimModel, outputs: number): Partial<QueuedJob> {
		if (/fail-prompt/.test(JSON.stringify(job.input_params)))
			return { status: 'failed', failed_reason: 'The model could not generate from this prompt.' };
		const files =
			model.output === 'video'
				? ['video.mp4']
				: Array.from({ length: outputs }, (_, n) => `image-${n + 1}.png`);
		const urls = files.map((file) => `${this.host.url}/media/${job.id}/${file}`);
		return { status: 'done', assets: JSON.stringify(urls) };
	}
}
