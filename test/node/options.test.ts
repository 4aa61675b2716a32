/**
 * Settings that shape the whole batch are read once per run: an expression that gives different values for
 * different items is an error naming the field, before anything is sent.
 */
import { useSimulator } from '../harness/fixture';
import { runCreatify } from '../harness/n8n';

const { sim, credentials } = useSimulator({ imageMs: 30, videoMs: 30 });
const rows = [{ n: 1 }, { n: 2 }, { n: 3 }];
const generateImage = {
	operation: 'generateImage',
	productUrl: '={{ "https://shop.example.com/p/" + $json.n + ".png" }}',
};

test.each([
	[
		'Concurrent Requests',
		{ options: { concurrency: '={{ $json.n }}' } },
		'item 0 gives 1, item 1 gives 2',
	],
	[
		'Check Credits First',
		{ options: { checkCredits: '={{ $json.n < 3 }}' } },
		'item 2 gives false',
	],
	[
		'First Poll Interval (Seconds)',
		{ options: { pollIntervalSeconds: '={{ $json.n }}' } },
		'item 1',
	],
	[
		'Max Poll Interval (Seconds)',
		{ options: { maxPollIntervalSeconds: '={{ 9 + $json.n }}' } },
		'item 1',
	],
	['Max Wait (Minutes)', { waitMode: 'poll', maxWaitMinutes: '={{ $json.n }}' }, 'item 1'],
	['Wait for Result', { waitMode: '={{ $json.n > 1 ? "poll" : "none" }}' }, 'item 0 gives "none"'],
])(
	'%s from an expression that differs per item is an error naming it; nothing is sent',
	async (label, parameters, said) => {
		const { error } = await runCreatify({
			parameters: { ...generateImage, ...parameters },
			items: rows,
			credentials: credentials(),
		});
		expect(error?.message).toMatch(
			new RegExp(`^${label.replace(/[()]/g, '\\$&')} must be the same for every item: `),
		);
		expect(error?.message).toContain(said);
		expect(error?.description).toMatch(/read once\. Nothing was sent to Creatify/);
		expect(sim.requests).toHaveLength(0);
	},
);

test('an expression that gives every item the same value is fine', async () => {
	const { error, items } = await runCreatify({
		parameters: {
			...generateImage,
			waitMode: '={{ "poll" }}',
			options: { concurrency: '={{ $json.n > 0 ? 2 : 9 }}', pollIntervalSeconds: 1 },
		},
		items: rows,
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	expect(items.map((i) => i.json.status)).toEqual([
		'image_generated',
		'image_generated',
		'image_generated',
	]);
});

test('a plain value is read once, whatever the number of items', async () => {
	const { error, items } = await runCreatify({
		parameters: { ...generateImage, options: { concurrency: 3 } },
		items: rows,
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	expect(items).toHaveLength(3);
});

test('a Download Result that names no file is an input error for that item; nothing is sent', async () => {
	const { error } = await runCreatify({
		parameters: {
			...generateImage,
			waitMode: 'poll',
			options: { download: '={{ $json.n === 2 ? "gif" : "image" }}' },
		},
		items: rows,
		credentials: credentials(),
	});
	expect(error?.message).toBe(
		'Download Result must be one of "none", "video", "image", "all", got "gif" (item 1)',
	);
	expect(sim.requests).toHaveLength(0);
});
