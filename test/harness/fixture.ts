import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { CreatifySimulator } from '../simulator/server';
import type { CreatifyCredentialValues, RunOptions } from './n8n';
import { runCreatify, stopN8nServices } from './n8n';
import { WaitingWebhooks } from './waiting';
import { TriggerHarness } from './webhook';

/** One simulator per test file: started once, reset before each test, stopped at the end. */
export function useSimulator(options: ConstructorParameters<typeof CreatifySimulator>[0] = {}) {
	const sim = new CreatifySimulator(options);
	beforeAll(async () => {
		await sim.start();
	});
	beforeEach(() => sim.reset());
	afterAll(async () => {
		await sim.stop();
		stopN8nServices();
	});
	const credentials = (
		overrides: Partial<CreatifyCredentialValues> = {},
	): CreatifyCredentialValues => ({
		apiId: sim.apiId,
		apiKey: sim.apiKey,
		baseUrl: sim.url,
		...overrides,
	});
	return { sim, credentials };
}

export const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

/** A resource mapper's value: the inputs set below, or (autoMapInputData) the item's own fields. */
export const mapperFields = (value: Record<string, unknown>, mappingMode = 'defineBelow') => ({
	mappingMode,
	value,
	matchingColumns: [],
	schema: [],
});

/**
 * Per test file: n8n's waiting webhooks (for callback mode), started once, and a maker of Creatify Triggers that
 * are stopped after each test.
 */
export function useCallbacks() {
	const waitingWebhooks = new WaitingWebhooks();
	const triggers: TriggerHarness[] = [];
	beforeAll(async () => {
		await waitingWebhooks.start();
	});
	afterAll(async () => {
		await waitingWebhooks.stop();
	});
	afterEach(async () => {
		await Promise.all(triggers.splice(0).map((t) => t.stop()));
	});
	const newTrigger = (parameters: INodeParameters, credentials: CreatifyCredentialValues) => {
		const trigger = new TriggerHarness(parameters, credentials);
		triggers.push(trigger);
		return trigger;
	};
	/** Runs the node in callback mode: it must suspend; returns the run the callbacks resumed. */
	const resumed = async (options: RunOptions) => {
		const started = await runCreatify({ ...options, waitingBaseUrl: waitingWebhooks.baseUrl });
		expect(started.run.status).toBe('waiting');
		return await waitingWebhooks.track(started, options.credentials);
	};
	return { waitingWebhooks, newTrigger, resumed };
}

/** An item carrying files in memory, as nodes put them there in n8n's default binary mode. */
export function itemWithFiles(
	files: Record<string, { bytes: Buffer; mimeType: string; fileName: string }>,
) {
	const binary: INodeExecutionData['binary'] = {};
	for (const [field, file] of Object.entries(files)) {
		binary[field] = {
			data: file.bytes.toString('base64'),
			mimeType: file.mimeType,
			fileName: file.fileName,
		};
	}
	return { json: {}, binary };
}
