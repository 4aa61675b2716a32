import { CreatifySimulator } from '../simulator/server';
import type { CreatifyCredentialValues } from './n8n';
import { stopN8nServices } from './n8n';

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
