import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

/**
 * Response shapes. Unknown fields and unknown enum values pass through untouched (Creatify adds fields and
 * statuses without notice); only what would break the node is rejected: a job without an id, a list that
 * is not a list, a body that is not JSON.
 */

export const GENDERS = ['m', 'f', 'nb'] as const;
export const AGE_RANGES = ['child', 'teen', 'adult', 'senior'] as const;

const optionalText = z.string().nullish();

/** What the engine relies on in any Creatify job; every other field is passed through as Creatify sent it. */
export interface CreatifyJob extends IDataObject {
	id: string;
	status?: string | null;
	failed_reason?: string | null;
}

export interface CreatifyCredits extends IDataObject {
	remaining_credits: number;
}

export interface CreatifyPersona extends IDataObject {
	id: string;
}

// zod's passthrough output types unknown extra keys as `unknown`; n8n items want IDataObject. The casts
// below only name the output type: validation is what the schemas define.
export type Schema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

/**
 * A family's record schema: an id, a status and a failure reason, plus the family's own fields that the node
 * reads (each an optional text). Everything else passes through.
 */
export function jobSchema(textFields: readonly string[] = []): Schema<CreatifyJob> {
	const fields = Object.fromEntries(textFields.map((name) => [name, optionalText]));
	return z
		.object({
			id: z.string().min(1, 'the record has an empty id'),
			status: optionalText,
			failed_reason: optionalText,
			...fields,
		})
		.passthrough() as Schema<CreatifyJob>;
}

export const creditsSchema = z
	.object({ remaining_credits: z.number() })
	.passthrough() as Schema<CreatifyCredits>;

const personaSchema = z.object({ id: z.string().min(1) }).passthrough() as Schema<CreatifyPersona>;

/** Avatars (personas): a plain listing and a paginated one, both filtered by gender and age range. */
export const PERSONAS = {
	path: ['personas'],
	pagedPath: ['personas', 'paginated'],
	schema: personaSchema,
} as const;

/** A URL to Video link: a product page's scraped title, description, images and videos. */
export interface CreatifyLink extends IDataObject {
	id: string;
}

const linkSchema = z
	.object({ id: z.string().min(1, 'the link has an empty id') })
	.passthrough() as Schema<CreatifyLink>;

/**
 * Links: https://docs.creatify.ai/api-reference/links/get-apilinks (`ids`, at most 100) and the paginated
 * listing /api/links/paginated/.
 */
export const LINKS = {
	path: ['links'],
	pagedPath: ['links', 'paginated'],
	schema: linkSchema,
} as const;

/** A voice and its accents; an accent's id is what the video and speech requests take. */
export interface CreatifyVoice extends IDataObject {
	accents: Array<{ id: string; accent_name?: string | null; preview_url?: string | null }>;
}

const voiceSchema = z
	.object({
		name: z.string().nullish(),
		gender: z.string().nullish(),
		accents: z.array(
			z
				.object({
					id: z.string().min(1),
					accent_name: z.string().nullish(),
					preview_url: z.string().nullish(),
				})
				.passthrough(),
		),
	})
	.passthrough() as Schema<CreatifyVoice>;

/** Voices: GET /api/voices/, https://docs.creatify.ai/api-documentation/text-to-speech/text-to-speech */
export const VOICES = { path: ['voices'], schema: voiceSchema } as const;

/**
 * An AI Ad Template ("inspiration"): its inputs' schema and its price per job
 * (https://docs.creatify.ai/api-reference/inspiration/get-inspiration).
 */
export interface CreatifyTemplate extends IDataObject {
	id: string;
	name?: string | null;
	credit_cost?: number | null;
	input_params_schema?: { required?: string[]; properties?: IDataObject } | null;
}

const templateSchema = z
	.object({
		id: z.string().min(1),
		name: optionalText,
		gen_type: optionalText,
		credit_cost: z.number().nullish(),
		input_params_schema: z
			.object({
				required: z.array(z.string()).optional(),
				properties: z.record(z.any()).optional(),
			})
			.passthrough()
			.nullish(),
	})
	.passthrough() as Schema<CreatifyTemplate>;

export const TEMPLATES = { path: ['inspirations'], schema: templateSchema } as const;

/** A page of a paginated listing: `{ results, next }` (Django REST Framework style). */
export function pageSchema<T>(item: Schema<T>): Schema<{ next?: string | null; results: T[] }> {
	return z.object({ next: z.string().nullish(), results: z.array(item) }).passthrough() as Schema<{
		next?: string | null;
		results: T[];
	}>;
}

/** Describes what was wrong with a response in one line, naming the offending path. */
export function describeZodError(error: z.ZodError): string {
	return error.issues
		.slice(0, 3)
		.map((issue) => {
			const where = issue.path.length ? issue.path.join('.') : 'the response';
			return `${where}: ${issue.message}`;
		})
		.join('; ');
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: string };

export function parseWith<T>(schema: Schema<T>, body: unknown): ParseResult<T> {
	if (typeof body === 'string') {
		return { ok: false, problem: 'the response is not JSON' };
	}
	const result = schema.safeParse(body);
	return result.success
		? { ok: true, value: result.data }
		: { ok: false, problem: describeZodError(result.error) };
}
