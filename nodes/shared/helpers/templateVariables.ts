/**
 * A Custom Template's variables, checked before anything is paid: Creatify has no API that describes a
 * template's variables, so a row is checked for what every variable must be (a name, a known kind, a value of
 * that kind) and written in the shape Creatify takes: {<name>: {type, properties: {<property>: value}}}.
 */
import type { IDataObject } from 'n8n-workflow';

import { httpUrlProblem, uuidProblem } from './validation';

/**
 * The variable kinds of Creatify's template editor, and the property each one's value goes in
 * (https://docs.creatify.ai/api-reference/custom-templates names the kinds; the properties are those Creatify's
 * SDK users send, as the page's own example was not readable).
 */
export const VARIABLE_KINDS = {
	text: 'content',
	image: 'url',
	video: 'url',
	audio: 'url',
	avatar: 'avatar_id',
	voiceover: 'voice_id',
} as const;
export type VariableKind = keyof typeof VARIABLE_KINDS;

export interface TemplateVariable {
	name: string;
	kind: string;
	value: unknown;
	/** further properties given in JSON, sent as given */
	extra?: IDataObject;
}

const KINDS = Object.keys(VARIABLE_KINDS);

/** What is wrong with one variable, or undefined. */
export function variableProblem({ name, kind, value }: TemplateVariable): string | undefined {
	if (name.trim() === '') return 'A variable has no name: give the name it has in the template';
	const label = `Variable "${name}"`;
	if (!KINDS.includes(kind))
		return `${label} has the type "${kind}"; Creatify's template variables are ${KINDS.join(', ')}`;
	if (kind === 'text') return typeof value === 'string' ? undefined : `${label} must be text`;
	const given = typeof value === 'string' ? value.trim() : value;
	if (given === '' || given === undefined || given === null)
		return `${label} (${kind}) is empty: give a value, or leave the variable out to keep the template's own`;
	if (kind === 'avatar' || kind === 'voiceover') return uuidProblem(label, given);
	return httpUrlProblem(label, given);
}

/** The variables object Creatify takes, after checking each variable and that no name repeats. */
export function templateVariables(variables: TemplateVariable[]): IDataObject | string {
	// no prototype: a variable may be named constructor or __proto__
	const body = Object.create(null) as IDataObject;
	for (const variable of variables) {
		const problem = variableProblem(variable);
		if (problem) return problem;
		const name = variable.name.trim();
		if (Object.prototype.hasOwnProperty.call(body, name))
			return `Variable "${name}" is given twice`;
		const property = VARIABLE_KINDS[variable.kind as VariableKind];
		const value = typeof variable.value === 'string' ? variable.value.trim() : variable.value;
		body[name] = { type: variable.kind, properties: { ...variable.extra, [property]: value } };
	}
	return body;
}

/** The variables of Creatify's JSON form, read back into name, kind and value; or what is wrong with it. */
export function variablesFromJson(json: unknown): TemplateVariable[] | string {
	if (json === null || typeof json !== 'object' || Array.isArray(json))
		return 'Variables (JSON) must be an object: {"<name>": {"type": "text", "properties": {"content": "…"}}}';
	return Object.entries(json as IDataObject).map(([name, entry]) => {
		const { type, properties } = (entry ?? {}) as { type?: unknown; properties?: IDataObject };
		const kind = String(type ?? '');
		const property = VARIABLE_KINDS[kind as VariableKind];
		return {
			name,
			kind,
			value: property ? properties?.[property] : undefined,
			extra: { ...properties },
		};
	});
}
