import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { httpUrlProblem, uuidProblem } from '../../../shared/helpers/validation';
import { invalidInput } from '../common';

/** The optional fields the generation operations share: node option name -> Creatify body field. */
const FIELDS = {
	imagePrompt: { apiName: 'image_prompt' },
	videoPrompt: { apiName: 'video_prompt' },
	productShowcaseUrl: {
		apiName: 'product_showcase_url',
		check: (value: string) => httpUrlProblem('Product Showcase URL', value),
	},
	webhookUrl: {
		apiName: 'webhook_url',
		check: (value: string) => httpUrlProblem('Webhook URL', value),
	},
	overrideAvatar: {
		apiName: 'override_avatar',
		check: (value: string) => uuidProblem('Avatar ID', value),
	},
} satisfies Record<string, { apiName: string; check?: (value: string) => string | undefined }>;

function plainValue(value: unknown): string {
	// a resource locator inside a collection arrives as { mode, value }
	const inner =
		value !== null && typeof value === 'object' && 'value' in value
			? (value as { value: unknown }).value
			: value;
	return typeof inner === 'string'
		? inner.trim()
		: inner === undefined || inner === null
			? ''
			: String(inner);
}

export type OptionalField = keyof typeof FIELDS;

/** Checks and renames the given options that are set; empty ones are left out of the request. */
export function buildOptionalFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
	names: readonly OptionalField[],
): IDataObject {
	const body: IDataObject = {};
	for (const name of names) {
		const raw = options[name];
		const field = FIELDS[name];
		const value = plainValue(raw);
		if (value === '') continue;
		const problem = 'check' in field ? field.check(value) : undefined;
		if (problem) invalidInput(ctx, itemIndex, problem);
		body[field.apiName] = value;
	}
	return body;
}
