import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { AssetModel } from '../../../shared/families/assetGenerator';
import { ASSET_MODELS } from '../../../shared/families/assetGenerator';
import { filteredListing, returnAllOrLimit } from '../common';
import { filtersCollection } from '../descriptions';

/** The generation types Creatify's schema page lists (https://docs.creatify.ai/api-reference/ai-generation/get-ai-generation-schema). */
const GENERATION_TYPES = [
	'text_to_image',
	'image_to_image',
	'text_to_video',
	'image_to_video',
	'video_to_video',
	'text_to_audio',
	'audio_to_audio',
];

/** text_to_image → Text to Image */
const title = (value: string) =>
	value
		.split('_')
		.map((word) => (word === 'to' ? word : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');

const properties: INodeProperties[] = [
	...returnAllOrLimit('getModels', 'assetGenerator'),
	filtersCollection([
		{
			displayName: 'Generation Types',
			name: 'generationTypes',
			type: 'multiOptions',
			options: GENERATION_TYPES.map((value) => ({ name: title(value), value })),
			default: [],
			description: 'Only models making these kinds of output from these kinds of input',
		},
		{
			displayName: 'Name Contains',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. veo',
			description: 'Only models whose name contains this text (any case)',
		},
	]),
];

function modelMatches(model: AssetModel, filters: IDataObject): boolean {
	const wanted = String(filters.name ?? '')
		.trim()
		.toLowerCase();
	if (wanted && !model.model_name.toLowerCase().includes(wanted)) return false;
	const types = (filters.generationTypes as string[] | undefined) ?? [];
	return types.length === 0 || types.includes(String(model.generation_type ?? ''));
}

/**
 * The Asset Generator's models with their input schemas: GET /api/asset_generator/schemas/
 * (https://docs.creatify.ai/api-reference/ai-generation/get-ai-generation-schema); each with
 * `credits_per_output`, the price Creatify's pages show for it, or null where they show only a lowest price.
 */
export const { description, execute } = filteredListing(
	{ resource: 'assetGenerator', operation: 'getModels' },
	properties,
	ASSET_MODELS,
	modelMatches,
);
