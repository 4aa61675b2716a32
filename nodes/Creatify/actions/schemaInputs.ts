/**
 * Inputs given against a JSON schema Creatify publishes (an AI Ad Template's, an Asset Generator model's): the
 * fields of n8n's resource mapper, read from the schema, or one JSON object; checked against the schema before
 * anything is paid.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	ResourceMapperValue,
} from 'n8n-workflow';

import type { InputSchema } from '../../shared/helpers/templates';
import { checkedInput } from '../../shared/helpers/templates';
import { invalidInput } from './common';

/** Where a schema's inputs are asked for in the editor. */
export interface SchemaInputsLook {
	/** the option of the Inputs parameter offering the resource mapper, e.g. 'Template Fields' */
	fieldsOption: { name: string; description: string };
	/** the resource mapper's label, method and the parameter it depends on */
	mapper: { displayName: string; method: string; dependsOn: string; noFieldsError: string };
	jsonDescription: string;
}

export function schemaInputProperties(look: SchemaInputsLook): INodeProperties[] {
	return [
		{
			displayName: 'Inputs',
			name: 'inputMode',
			type: 'options',
			options: [
				{
					name: look.fieldsOption.name,
					value: 'fields',
					description: look.fieldsOption.description,
				},
				{
					name: 'JSON',
					value: 'json',
					description: 'The input parameters as one JSON object, e.g. from an expression',
				},
			],
			default: 'fields',
			description: 'How to give the inputs',
		},
		{
			displayName: look.mapper.displayName,
			name: 'inputFields',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			typeOptions: {
				loadOptionsDependsOn: [look.mapper.dependsOn],
				resourceMapper: {
					resourceMapperMethod: look.mapper.method,
					mode: 'add',
					fieldWords: { singular: 'input', plural: 'inputs' },
					addAllFields: true,
					multiKeyMatch: false,
					supportAutoMap: true,
					noFieldsError: look.mapper.noFieldsError,
				},
			},
			displayOptions: { show: { inputMode: ['fields'] } },
		},
		{
			displayName: 'Input Parameters (JSON)',
			name: 'inputJson',
			type: 'json',
			default: '{}',
			required: true,
			description: look.jsonDescription,
			displayOptions: { show: { inputMode: ['json'] } },
		},
	];
}

function readJsonInput(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	let value = ctx.getNodeParameter('inputJson', itemIndex, '{}');
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value) as IDataObject;
		} catch {
			invalidInput(ctx, itemIndex, 'Input Parameters (JSON) is not valid JSON');
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		invalidInput(
			ctx,
			itemIndex,
			'Input Parameters (JSON) must be an object of input names and values',
		);
	return value as IDataObject;
}

/** The item's inputs: the JSON object, the fields set below, or (auto-map) the item's own fields. */
function readInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	schema: InputSchema,
	owner: string,
): IDataObject {
	if (ctx.getNodeParameter('inputMode', itemIndex, 'fields') === 'json')
		return readJsonInput(ctx, itemIndex);
	const mapped = ctx.getNodeParameter('inputFields', itemIndex) as ResourceMapperValue;
	if (mapped.mappingMode !== 'autoMapInputData') return (mapped.value ?? {}) as IDataObject;
	const item = ctx.getInputData()[itemIndex]?.json ?? {};
	const names = Object.keys(schema.properties ?? {});
	if (names.length === 0)
		invalidInput(
			ctx,
			itemIndex,
			`Map Automatically needs the ${owner}'s input names, but its schema lists none`,
			'Choose Inputs: JSON and give the input parameters as an object.',
		);
	return Object.fromEntries(Object.entries(item).filter(([name]) => names.includes(name)));
}

/**
 * The item's inputs as Creatify takes them, or the item's error naming every problem. `owner` names what the
 * schema belongs to (e.g. 'template "Summer Sale"'), `advice` where to see the schema.
 */
export function checkedSchemaInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	schema: InputSchema,
	owner: { noun: string; name: string; advice: string },
): IDataObject {
	const { params, problems } = checkedInput(schema, readInput(ctx, itemIndex, schema, owner.noun));
	if (problems.length)
		invalidInput(
			ctx,
			itemIndex,
			`The inputs do not fit the ${owner.noun} "${owner.name}": ${problems.join('; ')}`,
			owner.advice,
		);
	return params;
}
