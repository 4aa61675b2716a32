/**
 * The simulator's Custom Template jobs: templates as if made in Creatify's app, each with its API variables and
 * the length of its videos. A job names its template and fills variables of the template's kinds
 * ({<name>: {type, properties: {content | url | avatar_id | voice_id}}}, nodes/shared/families/customTemplate.ts);
 * an unknown template, an unknown variable or a variable of the wrong kind is refused (400, nothing spent).
 */
import type { PreviewRenderFamily } from './previewRender';

interface SimCustomTemplate {
	id: string;
	name: string;
	/** variable name → kind */
	variables: Record<string, string>;
	/** how long its videos run */
	seconds: number;
}

export const CUSTOM_TEMPLATES: SimCustomTemplate[] = [
	{
		id: '6b1f2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
		name: 'Product Spotlight',
		variables: { product_name: 'text', product_image: 'image', presenter: 'avatar' },
		seconds: 20,
	},
	{
		id: '7c2a3b4d-5e6f-4a71-9b8c-0d1e2f3a4b5c',
		name: 'Long Story',
		variables: { headline: 'text', music: 'audio' },
		seconds: 45,
	},
];

const PROPERTY: Record<string, string> = {
	text: 'content',
	image: 'url',
	video: 'url',
	audio: 'url',
	avatar: 'avatar_id',
	voiceover: 'voice_id',
};

const templateOf = (body: Record<string, unknown>) =>
	CUSTOM_TEMPLATES.find((template) => template.id === body.template_id);

function variableProblem(template: SimCustomTemplate, name: string, entry: unknown) {
	const kind = template.variables[name];
	if (!kind) return `Unknown variable "${name}" for this template.`;
	const { type, properties } = (entry ?? {}) as {
		type?: unknown;
		properties?: Record<string, unknown>;
	};
	if (type !== kind) return `Variable "${name}" must be of type "${kind}".`;
	if (properties?.[PROPERTY[kind]] === undefined)
		return `Variable "${name}" needs properties.${PROPERTY[kind]}.`;
	return undefined;
}

function problems(body: Record<string, unknown>): Record<string, string[]> {
	const template = templateOf(body);
	if (!template) return { template_id: ['Template not found.'] };
	const variables = body.variables;
	if (variables === null || typeof variables !== 'object' || Array.isArray(variables))
		return { variables: ['This field must be an object.'] };
	const found = Object.entries(variables)
		.map(([name, entry]) => variableProblem(template, name, entry))
		.filter(Boolean) as string[];
	return found.length ? { variables: found } : {};
}

const texts = (job: Record<string, unknown>) =>
	Object.values((job.variables ?? {}) as Record<string, { properties?: { content?: unknown } }>)
		.map((entry) => String(entry?.properties?.content ?? ''))
		.join(' ');

export const CUSTOM_TEMPLATE: PreviewRenderFamily = {
	resource: 'custom_template_jobs',
	videoField: 'video_output',
	problems,
	seconds: (body) => templateOf(body)?.seconds ?? 30,
	marker: (job) => `${String(job.name ?? '')} ${texts(job)}`,
};
