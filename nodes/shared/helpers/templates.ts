/**
 * AI Ad Templates ("inspirations"): a template's input schema read as n8n fields and as checks, and a job's
 * output read as a list of assets. Creatify describes `input_params_schema` as a JSON schema (`required`,
 * `properties`; https://docs.creatify.ai/api-reference/inspiration/get-inspirations) and a job's `output` as a
 * "list of generated assets" typed as a string (https://docs.creatify.ai/api-reference/inspiration/get-inspiration-job):
 * both are read leniently.
 */
import type { FieldType, IDataObject, ResourceMapperField } from 'n8n-workflow';

export interface PropertySchema {
	type?: string | string[];
	title?: string;
	description?: string;
	format?: string;
	enum?: unknown[];
	default?: unknown;
}

export interface InputSchema {
	required?: string[];
	properties?: Record<string, PropertySchema>;
}

export interface Asset {
	url: string;
	/** 'video', 'image', 'audio', or what Creatify said */
	type?: string;
	[field: string]: unknown;
}

function typeOf(property: PropertySchema): string {
	const type = Array.isArray(property.type)
		? property.type.find((t) => t !== 'null')
		: property.type;
	return type ?? 'string';
}

function fieldType(property: PropertySchema): FieldType {
	if (property.enum?.length) return 'options';
	const type = typeOf(property);
	if (type === 'integer' || type === 'number') return 'number';
	if (type === 'boolean' || type === 'array' || type === 'object') return type;
	return property.format === 'uri' ? 'url' : 'string';
}

/** The template's inputs as the fields n8n's resource mapper shows, required ones first. */
export function templateFields(schema: InputSchema): ResourceMapperField[] {
	const required = schema.required ?? [];
	const fields = Object.entries(schema.properties ?? {}).map(([id, property]) => ({
		id,
		displayName: property.title ?? id,
		required: required.includes(id),
		defaultMatch: false,
		display: true,
		type: fieldType(property),
		...(property.enum?.length
			? { options: property.enum.map((value) => ({ name: String(value), value: String(value) })) }
			: {}),
	}));
	return fields.sort((a, b) => Number(b.required) - Number(a.required));
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** One value as its schema wants it: text of a number, a boolean or JSON becomes that value. */
function coerced(property: PropertySchema, value: unknown): unknown {
	const type = typeOf(property);
	if (typeof value !== 'string') return value;
	if ((type === 'number' || type === 'integer') && value.trim() !== '' && !isNaN(Number(value)))
		return Number(value);
	if (type === 'boolean' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
	if (type === 'array' || type === 'object') {
		try {
			return JSON.parse(value) as unknown;
		} catch {
			return value;
		}
	}
	return value;
}

function valueProblem(name: string, property: PropertySchema, value: unknown): string | undefined {
	const type = typeOf(property);
	if (property.enum?.length && !property.enum.map(String).includes(String(value)))
		return `"${name}" must be one of ${property.enum.map((v) => `"${String(v)}"`).join(', ')}, got "${String(value)}"`;
	const actual = Array.isArray(value) ? 'array' : typeof value;
	const fits =
		type === 'integer'
			? Number.isInteger(value)
			: type === 'number'
				? typeof value === 'number'
				: type === 'string'
					? typeof value === 'string'
					: type === actual;
	return fits
		? undefined
		: `"${name}" must be ${type === 'integer' ? 'a whole number' : `a ${type}`}, got ${JSON.stringify(value)}`;
}

/**
 * The input as Creatify takes it: empty values left out, values typed as the schema says. `problems` lists a
 * missing required input and each value that does not fit.
 */
export function checkedInput(
	schema: InputSchema,
	input: IDataObject,
): { params: IDataObject; problems: string[] } {
	const properties = schema.properties ?? {};
	const params: IDataObject = {};
	const problems: string[] = [];
	for (const [name, raw] of Object.entries(input)) {
		if (isEmpty(raw)) continue;
		const property = properties[name];
		params[name] = (property ? coerced(property, raw) : raw) as IDataObject[string];
		const problem = property && valueProblem(name, property, params[name]);
		if (problem) problems.push(problem);
	}
	for (const name of schema.required ?? []) {
		if (isEmpty(params[name])) problems.push(`"${name}" is required`);
	}
	return { params, problems };
}

const MEDIA_TYPES: Array<[RegExp, string]> = [
	[/\.(mp4|mov|webm)(\?|$)/i, 'video'],
	[/\.(png|jpe?g|webp|gif)(\?|$)/i, 'image'],
	[/\.(mp3|wav|m4a)(\?|$)/i, 'audio'],
];

function asAsset(entry: unknown): Asset | undefined {
	if (typeof entry === 'string') {
		if (!/^https?:\/\//.test(entry)) return undefined;
		const type = MEDIA_TYPES.find(([pattern]) => pattern.test(entry))?.[1];
		return { url: entry, ...(type ? { type } : {}) };
	}
	if (entry === null || typeof entry !== 'object') return undefined;
	const record = entry as Record<string, unknown>;
	const url = ['url', 'output', 'video_url', 'image_url', 'audio_url']
		.map((k) => record[k])
		.find((v): v is string => typeof v === 'string' && /^https?:\/\//.test(v));
	if (!url) return undefined;
	return {
		...record,
		...(asAsset(url) ?? {}),
		...(typeof record.type === 'string' ? { type: record.type } : {}),
		url,
	};
}

/** A job's `output` as a list of assets: a list (or its JSON text) of URLs or of records holding one. */
export function assetsOf(output: unknown): Asset[] {
	let value = output;
	if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			return [];
		}
	}
	const entries = Array.isArray(value) ? value : [value];
	return entries.map(asAsset).filter((asset): asset is Asset => asset !== undefined);
}
