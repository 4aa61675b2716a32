/**
 * How the simulator checks input_params against a JSON schema (AI Ad Templates, Asset Generator models), with
 * messages in the style of Python's jsonschema, which Creatify's answers show.
 */

export interface SimProperty {
	type: string;
	title?: string;
	format?: string;
	enum?: string[];
	default?: unknown;
	minimum?: number;
	maximum?: number;
	maxLength?: number;
	maxItems?: number;
	items?: SimProperty;
}

export interface SimInputSchema {
	required: string[];
	properties: Record<string, SimProperty>;
}

function fits(property: SimProperty, value: unknown): boolean {
	if (property.type === 'integer') return Number.isInteger(value);
	if (property.type === 'array') return Array.isArray(value);
	return typeof value === property.type;
}

function valueProblem(property: SimProperty, value: unknown): string | undefined {
	if (property.enum && !property.enum.includes(String(value)))
		return `'${String(value)}' is not one of ${JSON.stringify(property.enum)}`;
	if (!fits(property, value)) return `${JSON.stringify(value)} is not of type '${property.type}'`;
	if (typeof value === 'number' && property.minimum !== undefined && value < property.minimum)
		return `${value} is less than the minimum of ${property.minimum}`;
	if (typeof value === 'number' && property.maximum !== undefined && value > property.maximum)
		return `${value} is greater than the maximum of ${property.maximum}`;
	if (
		typeof value === 'string' &&
		property.maxLength !== undefined &&
		value.length > property.maxLength
	)
		return `'${value.slice(0, 20)}…' is too long`;
	if (Array.isArray(value) && property.maxItems !== undefined && value.length > property.maxItems)
		return `${JSON.stringify(value)} is too long`;
	if (Array.isArray(value) && property.items)
		return value.map((entry) => valueProblem(property.items!, entry)).find(Boolean);
	if (property.format === 'uri' && typeof value === 'string' && !/^https?:\/\//.test(value))
		return `'${value}' is not a 'uri'`;
	return undefined;
}

/** What is wrong with `params` against `schema`, as Creatify would list it; empty when they fit. */
export function schemaProblems(schema: SimInputSchema, params: unknown): string[] {
	if (params === null || typeof params !== 'object' || Array.isArray(params))
		return ['Input params must be an object.'];
	const values = params as Record<string, unknown>;
	const problems = schema.required
		.filter((name) => values[name] === undefined)
		.map((name) => `'${name}' is a required property`);
	for (const [name, value] of Object.entries(values)) {
		const property = schema.properties[name];
		const problem = property
			? valueProblem(property, value)
			: `Additional properties are not allowed ('${name}' was unexpected)`;
		if (problem) problems.push(problem);
	}
	return problems;
}
