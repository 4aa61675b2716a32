import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { httpUrlProblem } from '../../../shared/helpers/validation';
import type { TextField } from '../optionalFields';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';

/** The optional fields Product Video's generation operations take: node option name -> Creatify body field. */
const FIELDS = {
	...SHARED_FIELDS,
	imagePrompt: { apiName: 'image_prompt' },
	videoPrompt: { apiName: 'video_prompt' },
	productShowcaseUrl: {
		apiName: 'product_showcase_url',
		check: (value: string) => httpUrlProblem('Product Showcase URL', value),
	},
} satisfies Record<string, TextField>;

export type ProductVideoField = keyof typeof FIELDS;

/** The named options that are set, checked and renamed to Creatify's fields. */
export function productVideoFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
	names: readonly ProductVideoField[],
): IDataObject {
	const fields = names.map((name) => [name, FIELDS[name]] as const);
	return buildOptionalFields(ctx, itemIndex, options, fields);
}
