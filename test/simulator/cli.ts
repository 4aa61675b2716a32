/**
 * Runs the Creatify simulator on its own, for demos and manual testing:
 *   npm run simulator -- --port 8787 --image-ms 5000 --video-ms 20000 --credits 100
 * Then point a "Creatify API" credential's Base URL at the printed address, with the printed keys.
 */
import { CreatifySimulator } from './server';

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const value = Number(process.argv[index + 1]);
	if (!Number.isFinite(value) || value < 0) {
		console.error(`--${name} needs a number, got "${process.argv[index + 1]}"`);
		process.exit(2);
	}
	return value;
}

async function main() {
	const sim = new CreatifySimulator({
		port: option('port', 8787),
		imageMs: option('image-ms', 3000),
		videoMs: option('video-ms', 8000),
		credits: option('credits', 1000),
		videoBytes: option('video-bytes', 1024 * 1024),
	});
	const url = await sim.start();
	console.log(`Creatify simulator listening on ${url}`);
	console.log(`  API ID:  ${sim.apiId}`);
	console.log(`  API key: ${sim.apiKey}`);
	console.log(
		'  Image URLs containing "fail-image" fail the image step; a video prompt containing "fail-video" fails the video step.',
	);
	const stop = async () => {
		await sim.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
