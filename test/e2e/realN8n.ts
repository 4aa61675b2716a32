/**
 * The real n8n each end-to-end test file runs: a fresh user folder with the packed package installed, an owner,
 * and a Creatify credential pointing at the file's simulator; stopped and removed after the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8nApi } from '../n8n/api';
import { freePort, installPackage, N8nProcess, packPackage } from '../n8n/runtime';
import type { CreatifySimulator } from '../simulator/server';

export interface RealN8n {
	n8n: N8nProcess;
	api: N8nApi;
	/** the credential for the simulator */
	credentialId: string;
	userFolder: string;
}

/** Starts the simulator and an n8n with the package; `env` adds to n8n's environment. */
export async function startRealN8n(
	sim: CreatifySimulator,
	name: string,
	env: Record<string, string>,
): Promise<RealN8n> {
	const userFolder = mkdtempSync(join(tmpdir(), `creatify-${name}-`));
	await sim.start();
	installPackage(userFolder, packPackage());
	const n8n = new N8nProcess({
		userFolder,
		port: await freePort(),
		encryptionKey: `creatify-${name}-key`,
		quiet: true,
		env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem', ...env },
	});
	await n8n.start();
	const api = new N8nApi(n8n);
	await api.setUpOwner();
	return { n8n, api, credentialId: await api.simulatorCredential(sim), userFolder };
}

export async function stopRealN8n(real: RealN8n | undefined, sim: CreatifySimulator) {
	await real?.n8n.stop();
	await sim.stop();
	if (real) rmSync(real.userFolder, { recursive: true, force: true });
}

/** After a test whose assertions failed, n8n's log tail goes to stderr. */
export function logTailOnFailure(n8n: () => N8nProcess | undefined) {
	afterEach(() => {
		const state = expect.getState();
		if (state.assertionCalls !== state.numPassingAsserts)
			process.stderr.write(`n8n log tail:\n${n8n()?.logTail(60)}\n`);
	});
}
