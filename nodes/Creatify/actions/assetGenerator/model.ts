/** The Asset Generator model an operation uses: a picker, and its schema read once per run. */
import type { INodeProperties } from 'n8n-workflow';

import type { AssetModel } from '../../../shared/families/assetGenerator';
import { fetchAssetModel } from '../../../shared/transport/templates';
import type { Definition } from '../definitionForRun';

export const modelLocator: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The AI model to generate with (Veo, Kling, Nano Banana, Flux, …); its inputs appear below once it is picked. Get Many Models lists them with their documented prices.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAssetModels', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. nano-banana',
		},
	],
};

export const ASSET_MODEL: Definition<AssetModel> = {
	noun: 'Model',
	notFoundAdvice:
		'Pick the model from the list, or find its name with Get Many Models (names are like "nano-banana" or "kling-video/v1.6/pro/image-to-video").',
	read: fetchAssetModel,
};
