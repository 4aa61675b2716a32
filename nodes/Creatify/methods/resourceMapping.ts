/** The fields of n8n's resource mapper: an AI Ad Template's inputs, read from its schema. */
import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import type { InputSchema } from '../../shared/helpers/templates';
import { templateFields } from '../../shared/helpers/templates';
import { isUuid } from '../../shared/helpers/validation';
import { fetchTemplate } from '../../shared/transport/templates';

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
