/**
 * The importable workflows in examples/ must match the nodes: every parameter they set on a Creatify node
 * exists for that operation (n8n would drop it silently otherwise) and every option value is one the node
 * offers. Every example also runs in a real n8n: test/e2e/examples.e2e.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type {
	INode,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Creatify } from '../nodes/Creatify/Creatify.node';
import { CreatifyTrigger } from '../nodes/CreatifyTrigger/CreatifyTrigger.node';

const descriptions: Record<string, INodeTypeDescription> = {
	'n8n-nodes-creatify.creatify': new Creatify().description,
	'n8n-nodes-creatify.creatifyTrigger': new CreatifyTrigger().description,
};
const dir = join(__dirname, '..', 'examples');
const examples = readdirSync(dir).filter((f) => f.endsWith('.json'));

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/** Problems with one value against the property that defines it (options, multi-options, collections). */
function valueProblems(property: INodeProperties, value: unknown, where: string): string[] {
	if (isExpression(value)) return [];
	if (property.type === 'options' || property.type === 'multiOptions') {
		const allowed = (property.options as INodePropertyOptions[]).map((o) => o.value);
		const values = Array.isArray(value) ? value : [value];
		return values
			.filter((v) => !allowed.includes(v as string))
			.map((v) => `${where}: "${String(v)}" is not one of ${allowed.join(', ')}`);
	}
	if (property.type === 'collection') {
		const inner = property.options as INodeProperties[];
		return Object.entries(value as Record<string, unknown>).flatMap(([key, innerValue]) => {
			const definition = inner.find((o) => o.name === key);
			return definition
				? valueProblems(definition, innerValue, `${where}.${key}`)
				: [`${where}.${key}: no such option`];
		});
	}
	return [];
}

function problemsOf(node: INode): string[] {
	const description = descriptions[node.type];
	const shown =
		NodeHelpers.getNodeParameters(
			description.properties,
			node.parameters,
			true,
			false,
			node,
			description,
		) ?? {};
	return Object.entries(node.parameters).flatMap(([key, value]) => {
		if (!(key in shown))
			return [`${node.name}: parameter "${key}" does not exist for this operation`];
		const definitions = description.properties.filter(
			(p) => p.name === key && NodeHelpers.displayParameter(shown, p, node, description),
		);
		return definitions.flatMap((p) => valueProblems(p, value, `${node.name}.${key}`));
	});
}

test('there are examples, and each is a workflow n8n can import', () => {
	expect(examples.length).toBeGreaterThanOrEqual(5);
	for (const file of examples) {
		const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8'));
		expect(workflow).toMatchObject({
			name: expect.any(String),
			nodes: expect.any(Array),
			connections: expect.any(Object),
		});
		const names = new Set(workflow.nodes.map((n: INode) => n.name));
		for (const [from, { main }] of Object.entries(
			workflow.connections as Record<string, { main: Array<Array<{ node: string }>> }>,
		)) {
			expect(names.has(from)).toBe(true);
			for (const target of main.flat()) expect(names.has(target.node)).toBe(true);
		}
	}
});

test.each(examples)('%s: every Creatify parameter and option value exists', (file) => {
	const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8'));
	const ours = (workflow.nodes as INode[]).filter((n) => n.type in descriptions);
	expect(ours.length).toBeGreaterThan(0);
	expect(ours.flatMap(problemsOf)).toEqual([]);
	for (const node of ours.filter((n) => n.type.endsWith('Trigger')))
		expect(node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
});

test('the check catches a wrong parameter and a wrong option value', () => {
	const node = {
		name: 'X',
		type: 'n8n-nodes-creatify.creatify',
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			operation: 'createVideo',
			productUrl: 'https://a/b.png',
			motionStyle: 'dance',
			colour: 'red',
			options: { nope: 1 },
		},
	} as unknown as INode;
	expect(problemsOf(node)).toEqual([
		'X.motionStyle: "dance" is not one of , display, talking',
		'X: parameter "colour" does not exist for this operation',
		'X.options.nope: no such option',
	]);
});
