import { backoffDelay, pollPolicy } from '../../nodes/shared/helpers/backoff';
import { nodeResumeUrl } from '../../nodes/shared/helpers/callbackUrl';
import { callbackReachabilityProblem, isLocalHost } from '../../nodes/shared/helpers/locality';
import { runPool } from '../../nodes/shared/helpers/pool';

test('poll intervals start at the first interval and grow by half up to the cap', () => {
	const policy = pollPolicy(5, 30);
	expect([0, 1, 2, 3, 4, 5, 6].map((round) => backoffDelay(policy, round))).toEqual([
		5000, 7500, 11250, 16875, 25313, 30000, 30000,
	]);
	expect(pollPolicy(10, 2).maxMs).toBe(10_000);
});

describe('runPool', () => {
	test('runs every index with at most `limit` at once', async () => {
		let running = 0;
		let peak = 0;
		const done: number[] = [];
		await runPool(10, 3, async (i) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((r) => setTimeout(r, 5));
			done.push(i);
			running--;
		});
		expect(peak).toBe(3);
		expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});

	test('stop() prevents new starts but lets running tasks finish', async () => {
		const started: number[] = [];
		const finished: number[] = [];
		let stop = false;
		await runPool(
			10,
			2,
			async (i) => {
				started.push(i);
				if (i === 1) stop = true;
				await new Promise((r) => setTimeout(r, 5));
				finished.push(i);
			},
			() => stop,
		);
		expect(started).toEqual([0, 1]);
		expect(finished.sort()).toEqual([0, 1]);
	});

	test('zero items is fine', async () => {
		const task = jest.fn();
		await runPool(0, 5, task);
		expect(task).not.toHaveBeenCalled();
	});
});

describe('callback reachability', () => {
	test.each([
		'localhost',
		'127.0.0.1',
		'10.1.2.3',
		'172.20.0.5',
		'192.168.1.9',
		'169.254.1.1',
		'[::1]',
		'n8n',
		'box.local',
		'fd12::1',
		'[fc00:1::5]',
		'[fe80::1]',
		'[::ffff:10.0.0.1]',
		'[::]',
	])('%s is local', (host) => expect(isLocalHost(host)).toBe(true));
	test.each([
		'n8n.example.com',
		'8.8.8.8',
		'172.32.0.1',
		'11.0.0.1',
		// names that merely begin like a private IPv6 prefix are public names
		'fcbarcelona.com',
		'fdx-automation.example.com',
		'fe80.example.com',
		'[2001:db8::1]',
		'[fc::1]',
		'[::ffff:8.8.8.8]',
	])('%s is public', (host) => expect(isLocalHost(host)).toBe(false));
	test('IPv4-mapped addresses as URLs write them (in hex) are read as their IPv4 address', () => {
		expect(isLocalHost(new URL('http://[::ffff:127.0.0.1]:5678/').hostname)).toBe(true);
		expect(isLocalHost(new URL('http://[::ffff:10.1.2.3]/').hostname)).toBe(true);
		expect(isLocalHost(new URL('http://[::ffff:8.8.8.8]/').hostname)).toBe(false);
	});
	test('a public n8n whose name begins with fc or fd can be called back', () => {
		expect(
			callbackReachabilityProblem(
				'https://fcbarcelona.com/webhook-waiting/1',
				'https://api.creatify.ai',
			),
		).toBeUndefined();
	});
	test('a local n8n with the real Creatify cannot be called back; with a local Creatify it can', () => {
		expect(
			callbackReachabilityProblem(
				'http://localhost:5678/webhook-waiting/1',
				'https://api.creatify.ai',
			),
		).toMatch(/Creatify cannot call back http:\/\/localhost:5678.*WEBHOOK_URL.*Poll Until Done/);
		expect(
			callbackReachabilityProblem(
				'https://n8n.example.com/webhook-waiting/1',
				'https://api.creatify.ai',
			),
		).toBeUndefined();
		expect(
			callbackReachabilityProblem(
				'http://127.0.0.1:5678/webhook-waiting/1',
				'http://127.0.0.1:8787',
			),
		).toBeUndefined();
	});
	test('the node id goes before the signature query', () => {
		expect(
			nodeResumeUrl('https://n8n.example.com/webhook-waiting/42?signature=abc', 'node-1'),
		).toBe('https://n8n.example.com/webhook-waiting/42/node-1?signature=abc');
		expect(nodeResumeUrl('http://127.0.0.1:5678/webhook-waiting/42', 'node-1')).toBe(
			'http://127.0.0.1:5678/webhook-waiting/42/node-1',
		);
	});
});
