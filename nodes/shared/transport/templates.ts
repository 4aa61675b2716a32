import { z } from 'zod';

import type { AssetModel } from '../families/assetGenerator';
import { ASSET_MODELS } from '../families/assetGenerator';
import type { CreatifyTemplate } from '../helpers/listings';
import { TEMPLATES } from '../helpers/listings';
import { creatifyRequest } from './index';
import type { CreatifyContext } from './request';

/** One AI Ad Template: GET /api/inspirations/{id}/ (https://docs.creatify.ai/api-reference/inspiration/get-inspiration). */
export async function fetchTemplate(
	ctx: CreatifyContext,
	id: string,
	itemIndex?: number,
): Promise<CreatifyTemplate> {
	return await creatifyRequest(ctx, {
		method: 'GET',
		path: [...TEMPLATES.path, id],
		schema: TEMPLATES.schema,
		itemIndex,
		about: `for the template ${id}`,
	});
}

/**
 * One Asset Generator model and its input schema, or undefined when Creatify lists no model of that name:
 * GET /api/asset_generator/schemas/?model_name=<name>
 * (https://docs.creatify.ai/api-reference/ai-generation/get-ai-generation-schema).
 */
export async function fetchAssetModel(
	ctx: CreatifyContext,
	name: string,
	itemIndex?: number,
): Promise<AssetModel | undefined> {
	const models = await creatifyRequest(ctx, {
		method: 'GET',
		path: ASSET_MODELS.path,
		qs: { model_name: name },
		schema: z.array(ASSET_MODELS.schema),
		itemIndex,
		about: `for the model ${name}`,
	});
	return models.find((model) => model.model_name === name);
}
