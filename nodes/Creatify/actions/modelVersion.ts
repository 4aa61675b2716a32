/** The Model Version option of the families that render avatars (models and prices: families/models.ts). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ModelVersion } from '../../shared/families/models';
import { MODEL_VERSIONS } from '../../shared/families/models';
import { choiceProblem } from '../../shared/helpers/validation';
import { invalidInput } from './common';

export function modelVersionOption(models: readonly ModelVersion[]): INodeProperties {
	return {
		displayName: 'Model Version',
		name: 'modelVersion',
		type: 'options',
		options: models
			.map((model) => ({
				name: MODEL_VERSIONS[model].label,
				value: model,
				description: MODEL_VERSIONS[model].price,
			}))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'standard',
		description:
			'The model that renders the avatar. Check Credits First and Max Credits per Run count its price.',
	};
}

/** `model_version` for the body when the option is set, checked against the family's models. */
export function modelVersionField(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	models: readonly ModelVersion[],
): IDataObject {
	if (value === undefined || value === '') return {};
	const problem = choiceProblem('Model Version', value, models);
	if (problem) invalidInput(ctx, itemIndex, problem);
	return { model_version: value };
}
