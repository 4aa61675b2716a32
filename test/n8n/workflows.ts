/** Workflows the end-to-end suite imports into n8n (the same shapes users build in the editor). */
import { randomUUID } from 'node:crypto';

export const CREATIFY = 'n8n-nodes-creatify.creatify';
export const CREATIFY_TRIGGER = 'n8n-nodes-creatify.creatifyTrigger';
/** The Creatify Trigger's newest version, which new nodes get. */
export const CREATIFY_TRIGGER_VERSION = 2;

type Node = Record<string, unknown> & { name: string };

function node(
	name: string,
	type: string,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
	typeVersion = 1,
): Node {
	return { id: randomUUID(), name, type, typeVersion, position: [0, 0], parameters, ...extra };
}

/** Lays nodes out left to right, as a user would place them. */
function laidOut(nodes: Node[]): Node[] {
	return nodes.map((n, i) => ({ ...n, position: [i * 260, n.name === 'Failed' ? 180 : 0] }));
}

function chain(...names: string[]) {
	const connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	> = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/** [name, type, parameters, extra fields, type version] */
export type NodeSpec = [string, string, Record<string, unknown>, Record<string, unknown>?, number?];

/** A workflow of nodes connected one after another, as listed. */
export function workflowOf(name: string, specs: NodeSpec[]) {
	const nodes = specs.map(([nodeName, type, parameters, extra, version]) =>
		node(nodeName, type, parameters, extra, version),
	);
	return {
		name,
		nodes: laidOut(nodes),
		connections: chain(...nodes.map((n) => n.name)),
		settings: { executionOrder: 'v1' },
	};
}

/**
 * Rows posted to a Webhook → Split Out → (`before`, e.g. a Creatify node whose output this one uses) → Creatify →
 * "Done" (and "Failed" on the error output). `creatify` is the Creatify node's parameters.
 */
export function rowsWorkflow(
	name: string,
	path: string,
	credentialId: string,
	creatify: Record<string, unknown>,
	before: NodeSpec[] = [],
) {
	const nodes = [
		node(
			'Rows',
			'n8n-nodes-base.webhook',
			{ httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			{ webhookId: randomUUID() },
			2,
		),
		node('Split Rows', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'body.rows', options: {} }),
		...before.map(([nodeName, type, parameters, extra, version]) =>
			node(nodeName, type, parameters, extra, version),
		),
		node('Creatify', CREATIFY, creatify, {
			credentials: { creatifyApi: { id: credentialId, name: 'Creatify (simulator)' } },
			onError: 'continueErrorOutput',
		}),
		node('Done', 'n8n-nodes-base.noOp', {}),
		node('Failed', 'n8n-nodes-base.noOp', {}),
	];
	const connections = chain(
		'Rows',
		'Split Rows',
		...before.map(([nodeName]) => nodeName),
		'Creatify',
	);
	connections.Creatify = {
		main: [
			[{ node: 'Done', type: 'main', index: 0 }],
			[{ node: 'Failed', type: 'main', index: 0 }],
		],
	};
	return { name, nodes: laidOut(nodes), connections, settings: { executionOrder: 'v1' } };
}

/** Creatify Trigger → "Received". */
export function triggerWorkflow(
	name: string,
	credentialId: string,
	parameters: Record<string, unknown> = {},
) {
	const webhookId = randomUUID();
	const nodes = [
		node(
			'Creatify Trigger',
			CREATIFY_TRIGGER,
			parameters,
			{
				webhookId,
				credentials: { creatifyApi: { id: credentialId, name: 'Creatify (simulator)' } },
			},
			CREATIFY_TRIGGER_VERSION,
		),
		node('Received', 'n8n-nodes-base.noOp', {}),
	];
	return {
		workflow: {
			name,
			nodes: laidOut(nodes),
			connections: chain('Creatify Trigger', 'Received'),
			settings: { executionOrder: 'v1' },
		},
		webhookId,
	};
}

/**
 * An MCP Server Trigger at `path` exposing Creatify tool nodes (the AI-tool form n8n makes of the Creatify node),
 * given as tool node name → parameters. MCP clients connect to <n8n>/mcp/<path> while the workflow is active.
 */
export function mcpWorkflow(
	name: string,
	path: string,
	credentialId: string,
	tools: Record<string, Record<string, unknown>>,
) {
	const trigger = node(
		'MCP Server Trigger',
		'@n8n/n8n-nodes-langchain.mcpTrigger',
		{ authentication: 'none', path },
		{ webhookId: randomUUID() },
		2,
	);
	trigger.position = [(Object.keys(tools).length - 1) * 130, 0];
	const toolNodes = Object.entries(tools).map(([toolName, parameters], i) => ({
		...node(toolName, `${CREATIFY}Tool`, parameters, {
			credentials: { creatifyApi: { id: credentialId, name: 'Creatify (simulator)' } },
		}),
		position: [i * 260, 240],
	}));
	const toTrigger = { ai_tool: [[{ node: trigger.name, type: 'ai_tool', index: 0 }]] };
	return {
		name,
		nodes: [trigger, ...toolNodes],
		connections: Object.fromEntries(toolNodes.map((tool) => [tool.name, toTrigger])),
		settings: { executionOrder: 'v1' },
	};
}
