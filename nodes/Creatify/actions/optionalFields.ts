import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { uuidProblem, webhookUrlProblem } from '../../shared/helpers/validation';
import { invalidInput } from './common';

/** An optional text field: the Creatify body field an option fills, and the check its value must pass. */
export interface TextField {
	apiName: string;
	check?: (value: string) => string | undefined;
}

/** The longest `name` Creatify takes for a video (AI Avatar, Custom Templates: "Maximum length: 255"). */
export const MAX_VIDEO_NAME_LENGTH = 255;

/** The optional text fields several resources share, by node option name. */
export const SHARED_FIELDS = {
	videoName: {
		apiName: 'name',
		check: (value: string) =>
			value.length > MAX_VIDEO_NAME_LENGTH
				? `Name is ${value.length} characters long; Creatify accepts at most ${MAX_VIDEO_NAME_LENGTH}`
				: undefined,
	},
	webhookUrl: {
		apiName: 'webhook_url',
		check: webhookUrlProblem,
	},
	overrideAvatar: {
		apiName: 'override_avatar',
		check: (value: string) => uuidProblem('Avatar ID', value),
	},
} satisfies Record<string, TextField>;

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

/**
 * Checks and renames the options that are set, given as [option name, field]; empty ones are left out of the
 * request.
 */
export function buildOptionalFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
	fields: ReadonlyArray<readonly [string, TextField]>,
): IDataObject {
	const body: IDataObject = {};
	for (const [name, field] of fields) {
		const value = plainValue(options[name]);
		if (value === '') continue;
		const problem = field.check?.(value);
		if (problem) invalidInput(ctx, itemIndex, problem);
		body[field.apiName] = value;
	}
	return body;
}
