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
