/**
 * Response shapes. Unknown fields and unknown enum values pass through untouched (Creatify adds fields and
 * statuses without notice); only what would break the node is rejected: a job without an id, a list that
 * is not a list, a body that is not JSON.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

/** A text field Creatify may leave out or null. */
export const optionalText = z.string().nullish();

/** What the engine relies on in any Creatify job; every other field is passed through as Creatify sent it. */
export interface CreatifyJob extends IDataObject {
	id: string;
	status?: string | null;
	failed_reason?: string | null;
}

export interface CreatifyCredits extends IDataObject {
	remaining_credits: number;
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
