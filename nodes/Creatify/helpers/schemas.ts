import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

/**
 * Response shapes. Unknown fields and unknown enum values pass through untouched (Creatify adds fields and
 * statuses without notice); only what would break the node is rejected: a task without an id, a list that
 * is not a list, a body that is not JSON.
 */

export const TASK_STATUSES = [
	'initializing',
	'image_generating',
	'image_generated',
	'video_generating',
	'video_generated',
	'failed',
] as const;

export const PRODUCT_TYPES = ['product_anyshot', 'product_avatar'] as const;
export const ASPECT_RATIOS = ['9x16', '16x9', '1x1'] as const;
export const MOTION_STYLES = ['talking', 'display'] as const;
export const GENDERS = ['m', 'f', 'nb'] as const;
export const AGE_RANGES = ['child', 'teen', 'adult', 'senior'] as const;

const optionalText = z.string().nullish();

/** What the node relies on in a task; every other field is passed through as Creatify sent it. */
export interface CreatifyTask extends IDataObject {
	id: string;
	status?: string | null;
	type?: string | null;
	product_url?: string | null;
	generated_photo_url?: string | null;
	generated_video_url?: string | null;
	failed_reason?: string | null;
}

export interface CreatifyCredits extends IDataObject {
	remaining_credits: number;
}

export interface CreatifyPersona extends IDataObject {
	id: string;
}

export interface CreatifyPersonaPage extends IDataObject {
	count?: number | null;
	next?: string | null;
	previous?: string | null;
	results: CreatifyPersona[];
}

// zod's passthrough output types unknown extra keys as `unknown`; n8n items want IDataObject. The casts
// below only name the output type: validation is what the schemas define.
export type Schema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

export const taskSchema = z
	.object({
		id: z.string().min(1, 'the task has an empty id'),
		status: optionalText,
		type: optionalText,
		product_url: optionalText,
		generated_photo_url: optionalText,
		generated_video_url: optionalText,
		failed_reason: optionalText,
	})
	.passthrough() as Schema<CreatifyTask>;

export const taskListSchema: Schema<CreatifyTask[]> = z.array(taskSchema);

export const creditsSchema = z
	.object({ remaining_credits: z.number() })
	.passthrough() as Schema<CreatifyCredits>;

const personaSchema = z.object({ id: z.string().min(1) }).passthrough() as Schema<CreatifyPersona>;

export const personaListSchema: Schema<CreatifyPersona[]> = z.array(personaSchema);

export const personaPageSchema = z
	.object({
		count: z.number().nullish(),
		next: z.string().nullish(),
		previous: z.string().nullish(),
		results: personaListSchema,
	})
	.passthrough() as Schema<CreatifyPersonaPage>;

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
