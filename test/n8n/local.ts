/**
 * `npm start`: a local n8n at http://localhost:5678 with this package installed as the Community Nodes panel
 * installs it, on n8n's embedded SQLite, kept in .n8n-local/ between runs.
 * `npm run demo`: the same plus the Creatify simulator, a "Creatify (simulator)" credential and the demo
 * workflow, so a product image becomes a video without a Creatify account.
 * Ctrl+C stops everything it started.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CreatifySimulator } from '../simulator/server';
import { installPackage, n8nCli, N8nProcess, packPackage } from './runtime';

const ROOT = join(__dirname, '..', '..');
const mode = process.argv[2] === 'demo' ? 'demo' : 'start';
const port = Number(process.env.N8N_PORT ?? 5678);
const userFolder = process.env.CREATIFY_N8N_FOLDER ?? join(ROOT, '.n8n-local');
const DEMO_CREDENTIAL_ID = 'crtfySimulator01';

async function main() {
	console.log('Building and packing n8n-nodes-creatify…');
	installPackage(userFolder, packPackage());
	const n8nOptions = { userFolder, port, quiet: false };

	let sim: CreatifySimulator | undefined;
	if (mode === 'demo') {
		sim = new CreatifySimulator({
			port: Number(process.env.CREATIFY_SIMULATOR_PORT ?? 8787),
			imageMs: 4000,
			videoMs: 8000,
			videoBytes: 2 * 1024 * 1024,
		});
		const simUrl = await sim.start();
		const credentials = join(userFolder, 'demo-credentials.json');
		writeFileSync(
			credentials,
			JSON.stringify([
				{
					id: DEMO_CREDENTIAL_ID,
					name: 'Creatify (simulator)',
					type: 'creatifyApi',
					data: { apiId: sim.apiId, apiKey: sim.apiKey, baseUrl: simUrl },
				},
			]),
		);
		await n8nCli(n8nOptions, ['import:credentials', `--input=${credentials}`]);
		const workflow = join(userFolder, 'demo-workflow.json');
		writeFileSync(
			workflow,
			JSON.stringify([
				JSON.parse(readFileSync(join(ROOT, 'examples', 'demo-simulator.json'), 'utf8')),
			]),
		);
		await n8nCli(n8nOptions, ['import:workflow', `--input=${workflow}`]);
		console.log(`Creatify simulator on ${simUrl} (renders take about 12 s).`);
	}

	const n8n = new N8nProcess({
		...n8nOptions,
		env: {
			N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
			// the Creatify node is also offered as a tool for AI agents and the MCP Server Trigger
			N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		},
	});
	await n8n.start();
	console.log(`\nn8n is running at http://localhost:${port} with the Creatify nodes installed.`);
	if (mode === 'demo') {
		console.log(
			'Open the workflow "Creatify demo: product image to video (simulator)" and click "Execute workflow".',
		);
	} else {
		console.log(
			'Add a "Creatify API" credential with your API ID and key (Creatify app → API Dashboard).',
		);
	}
	console.log('Press Ctrl+C to stop.\n');

	const stop = async () => {
		await n8n.stop();
		await sim?.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
