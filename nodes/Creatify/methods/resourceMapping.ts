/** The fields of n8n's resource mapper: an AI Ad Template's or an Asset Generator model's inputs, from its schema. */
import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import type { InputSchema } from '../../shared/helpers/templates';
import { templateFields } from '../../shared/helpers/templates';
import { isUuid } from '../../shared/helpers/validation';
import { fetchAssetModel, fetchTemplate } from '../../shared/transport/templates';

/** An Asset Generator model's inputs, read from its schema. */
export async function getAssetModelFields(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const name = String(this.getNodeParameter('model', '', { extractValue: true }) ?? '').trim();
	if (!name) return { fields: [], emptyFieldsNotice: 'Pick a model to see its inputs' };
	const model = await fetchAssetModel(this, name);
	if (!model) return { fields: [], emptyFieldsNotice: `Creatify lists no model "${name}"` };
	const fields = templateFields((model.input_params_schema ?? {}) as InputSchema);
	return {
		fields,
		...(fields.length ? {} : { emptyFieldsNotice: 'This model takes no inputs' }),
	};
}

export async function getTemplateFields(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const id = this.getNodeParameter('template', undefined, { extractValue: true });
	if (!isUuid(id)) {
		return { fields: [], emptyFieldsNotice: 'Pick a template to see its inputs' };
	}
	const template = await fetchTemplate(this, id);
	const fields = templateFields((template.input_params_schema ?? {}) as InputSchema);
	return {
		fields,
		...(fields.length ? {} : { emptyFieldsNotice: 'This template takes no inputs' }),
	};
}
