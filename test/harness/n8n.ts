/**
 * Runs the Creatify node inside n8n's real execution engine (n8n-core's WorkflowExecute): parameters get their
 * defaults and expressions as in n8n, HTTP goes through n8n's request helpers to a real server, and
 * "Continue On Fail", pairedItem and errors behave as in a workflow.
 */
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createDeferredPromise, createRunExecutionData, Workflow } from 'n8n-workflow';
import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

import { CreatifyApi } from '../../credentials/CreatifyApi.credentials';
import { Creatify } from '../../nodes/Creatify/Creatify.node';
import { CreatifyTrigger } from '../../nodes/CreatifyTrigger/CreatifyTrigger.node';
import { TestCredentialsHelper } from './credentialsHelper';

export const CREATIFY_NODE_TYPE = 'n8n-nodes-creatify.creatify';
export const CREATIFY_TRIGGER_NODE_TYPE = 'n8n-nodes-creatify.creatifyTrigger';

const nodeTypeInstances: Record<string, INodeType> = {
	[CREATIFY_NODE_TYPE]: new Creatify(),
	[CREATIFY_TRIGGER_NODE_TYPE]: new CreatifyTrigger(),
};

export const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeInstances[type],
	getByNameAndVersion: (type) => nodeTypeInstances[type],
	getKnownTypes: () => ({}),
};

export interface CreatifyCredentialValues extends ICredentialDataDecryptedObject {
	apiId: string;
	apiKey: string;
	baseUrl: string;
}

export interface RunOptions {
	parameters: INodeParameters;
	credentials: CreatifyCredentialValues;
	/** input items (json only, or full items) */
	items?: Array<IDataObject | INodeExecutionData>;
	/** On Error: Continue (true: regular output; 'errorOutput': using error output) */
	continueOnFail?: boolean | 'errorOutput';
	/** lets a test cancel the run, like the editor's stop button */
	onStarted?: (cancel: () => void) => void;
	/** where n8n's waiting webhooks are served ($execution.resumeUrl) */
	waitingBaseUrl?: string;
}

export interface RunResult {
	/** the node's output items (first output) */
	items: INodeExecutionData[];
	/** the items n8n sent to the error output (continueOnFail: 'errorOutput') */
	errorItems: INodeExecutionData[];
	/** the error that stopped the workflow, if any */
	error?: ExecutionError;
	run: IRun;
	workflow: Workflow;
	executionId: string;
}

function creatifyNode(
	parameters: INodeParameters,
	continueOnFail: RunOptions['continueOnFail'] = false,
): INode {
	const onError =
		continueOnFail === 'errorOutput' ? 'continueErrorOutput' : 'continueRegularOutput';
	return {
		id: 'a1b2c3d4-0000-4000-8000-000000000001',
		name: 'Creatify',
		type: CREATIFY_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { creatifyApi: { id: 'cred-1', name: 'Creatify account' } },
		...(continueOnFail ? { onError } : {}),
	};
}

export function additionalData(
	credentials: CreatifyCredentialValues,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(
			{ creatifyApi: new CreatifyApi() },
			{ creatifyApi: credentials },
		),
		hooks,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		currentNodeParameters: undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

function toItems(items: RunOptions['items']): INodeExecutionData[] {
	return (items ?? [{}]).map((item) =>
		'json' in item && typeof item.json === 'object'
			? (item as INodeExecutionData)
			: { json: item as IDataObject },
	);
}

let executionCount = 0;

/** Runs (or resumes) a workflow in n8n-core's WorkflowExecute and returns the Creatify node's result. */
export async function processExecution(
	workflow: Workflow,
	runExecutionData: IRunExecutionData,
	options: Pick<RunOptions, 'credentials' | 'onStarted' | 'waitingBaseUrl'> & {
		executionId: string;
	},
): Promise<RunResult> {
	const hooks = new ExecutionLifecycleHooks('manual', options.executionId, {
		id: workflow.id,
		name: 'test',
		active: false,
		isArchived: false,
		nodes: Object.values(workflow.nodes),
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => finished.resolve(run));
	const data = additionalData(options.credentials, hooks);
	Object.assign(data, { executionId: options.executionId });
	if (options.waitingBaseUrl) data.webhookWaitingBaseUrl = options.waitingBaseUrl;
	const execute = new WorkflowExecute(data, 'manual', runExecutionData);
	const running = execute.processRunExecutionData(workflow);
	options.onStarted?.(() => running.cancel());
	let run: IRun;
	try {
		run = await running;
	} catch {
		run = await finished.promise;
	}
	const nodeRun = run.data.resultData.runData.Creatify?.at(-1);
	return {
		items: nodeRun?.data?.main?.[0] ?? [],
		errorItems: nodeRun?.data?.main?.[1] ?? [],
		error: run.data.resultData.error,
		run,
		workflow,
		executionId: options.executionId,
	};
}

/** What an error item says (`{ error: { message, description, httpCode, taskId, task } }`), or undefined. */
export interface ItemFailure {
	message: string;
	description?: string;
	httpCode?: string;
	taskId?: string;
	task?: Record<string, string>;
}

export function failureOf(item: INodeExecutionData): ItemFailure | undefined {
	return item.json.error as ItemFailure | undefined;
}

export async function runCreatify(options: RunOptions): Promise<RunResult> {
	const node = creatifyNode(options.parameters, options.continueOnFail);
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: workflow.getNode('Creatify') as INode,
					data: { main: [toItems(options.items)] },
					source: null,
				},
			],
		},
	});
	return await processExecution(workflow, runExecutionData, {
		...options,
		executionId: String(++executionCount),
	});
}

/** A load-options context as the editor uses for the pickers (listSearch). */
export function loadOptionsContext(
	parameters: INodeParameters,
	credentials: CreatifyCredentialValues,
): LoadOptionsContext {
	const node = creatifyNode(parameters);
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
	return new LoadOptionsContext(workflow, node, additionalData(credentials), 'parameters.taskId');
}

/** n8n-core starts a housekeeping interval the first time a node runs; stop it so the test process can exit. */
export function stopN8nServices(): void {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
}
