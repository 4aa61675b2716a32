/**
 * AI Ad Templates ("inspirations"): a template's input schema read as n8n fields and as checks, and a job's
 * output read as a list of assets. Creatify describes `input_params_schema` as a JSON schema (`required`,
 * `properties`; https://docs.creatify.ai/api-reference/inspiration/get-inspirations) and a job's `output` as a
 * "list of generated assets" typed as a string (https://docs.creatify.ai/api-reference/inspiration/get-inspiration-job):
 * both are read leniently.
 */
import type { FieldType, IDataObject, ResourceMapperField } from 'n8n-workflow';

import { httpUrlProblem } from './validation';

export interface PropertySchema {
	type?: string | string[];
	title?: string;
	description?: string;
	format?: string;
	enum?: unknown[];
	default?: unknown;
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: number;
	exclusiveMaximum?: number;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	/** a list's entries */
	items?: PropertySchema;
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

function fieldType(property: PropertySchema): FieldType {
	if (property.enum?.length) return 'options';
	const [type = 'string'] = typesOf(property);
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

/** A value that says nothing: left out of the request, and missing when required (an empty list too). */
function isEmpty(value: unknown): boolean {
	if (Array.isArray(value)) return value.length === 0;
	return value === undefined || value === null || value === '';
}

/** The types a property allows ('null' aside); a property without a type takes text. */
function typesOf(property: PropertySchema): string[] {
	const types = Array.isArray(property.type) ? property.type : [property.type ?? 'string'];
	return types.filter((type) => type !== 'null');
}

function fitsType(type: string, value: unknown): boolean {
	if (type === 'integer') return Number.isInteger(value);
	if (type === 'array') return Array.isArray(value);
	if (type === 'object')
		return value !== null && typeof value === 'object' && !Array.isArray(value);
	return typeof value === type;
}

/** One value as its schema wants it: text of a number, a boolean or JSON becomes that value, and back. */
function coerced(property: PropertySchema, value: unknown): unknown {
	const types = typesOf(property);
	if (Array.isArray(value) && property.items)
		return value.map((entry) => coerced(property.items!, entry));
	if (types.some((type) => fitsType(type, value))) return value;
	if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean'))
		return String(value);
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (types.some((t) => t === 'number' || t === 'integer') && text !== '' && !isNaN(Number(text)))
		return Number(text);
	if (types.includes('boolean') && /^(true|false)$/i.test(text))
		return text.toLowerCase() === 'true';
	if (types.includes('array') || types.includes('object')) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return value;
		}
	}
	return value;
}

const TYPE_WORDS: Record<string, string> = {
	integer: 'a whole number',
	number: 'a number',
	string: 'text',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
};

function valueProblem(name: string, property: PropertySchema, value: unknown): string | undefined {
	if (property.enum?.length && !property.enum.map(String).includes(String(value)))
		return `"${name}" must be one of ${property.enum.map((v) => `"${String(v)}"`).join(', ')}, got "${String(value)}"`;
	const types = typesOf(property);
	if (!types.some((type) => fitsType(type, value)))
		return `"${name}" must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, got ${JSON.stringify(value)}`;
	if (property.format === 'uri' && typeof value === 'string')
		return httpUrlProblem(`"${name}"`, value);
	return limitProblem(name, property, value);
}

/** A number outside the schema's minimum, maximum or their exclusive forms. */
function numberProblem(name: string, p: PropertySchema, value: number): string | undefined {
	if (p.minimum !== undefined && value < p.minimum)
		return `"${name}" must be at least ${p.minimum}, got ${value}`;
	if (p.maximum !== undefined && value > p.maximum)
		return `"${name}" must be at most ${p.maximum}, got ${value}`;
	if (p.exclusiveMinimum !== undefined && value <= p.exclusiveMinimum)
		return `"${name}" must be more than ${p.exclusiveMinimum}, got ${value}`;
	if (p.exclusiveMaximum !== undefined && value >= p.exclusiveMaximum)
		return `"${name}" must be less than ${p.exclusiveMaximum}, got ${value}`;
	return undefined;
}

/** The schema's bounds: a number's range, a text's length, a list's number of entries and each entry. */
function limitProblem(name: string, p: PropertySchema, value: unknown): string | undefined {
	if (typeof value === 'number') return numberProblem(name, p, value);
	if (typeof value === 'string') {
		if (p.minLength !== undefined && value.length < p.minLength)
			return `"${name}" must have at least ${p.minLength} characters, got ${value.length}`;
		if (p.maxLength !== undefined && value.length > p.maxLength)
			return `"${name}" must have at most ${p.maxLength} characters, got ${value.length}`;
	}
	if (Array.isArray(value) && p.minItems !== undefined && value.length < p.minItems)
		return `"${name}" must list at least ${p.minItems} entries, got ${value.length}`;
	if (Array.isArray(value) && p.maxItems !== undefined && value.length > p.maxItems)
		return `"${name}" must list at most ${p.maxItems} entries, got ${value.length}`;
	if (Array.isArray(value) && p.items)
		return value.map((entry, n) => valueProblem(`${name}[${n}]`, p.items!, entry)).find(Boolean);
	return undefined;
}

/**
 * The input as Creatify takes it: empty values left out, values typed as the schema says. `problems` lists a
 * missing required input, a name the template does not have, and each value that does not fit.
 */
export function checkedInput(
	schema: InputSchema,
	input: IDataObject,
): { params: IDataObject; problems: string[] } {
	const properties = schema.properties ?? {};
	const names = Object.keys(properties);
	const params: IDataObject = {};
	const problems: string[] = [];
	for (const [name, raw] of Object.entries(input)) {
		if (isEmpty(raw)) continue;
		const property = properties[name];
		if (!property && names.length) {
			problems.push(`"${name}" is not one of its inputs (${names.join(', ')})`);
			continue;
		}
		const value = property ? coerced(property, raw) : raw;
		// an empty list, even given as the text "[]", is left out like any empty value
		if (isEmpty(value)) continue;
		params[name] = value as IDataObject[string];
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
