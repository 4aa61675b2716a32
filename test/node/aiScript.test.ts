/**
 * AI Scripts against the simulator: scripts for a product page (read into a link first) or a link, the settings
 * sent, and the first script's text in `script` for the next node.
 */
import { rl, useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';

const { sim, credentials } = useSimulator({ videoMs: 60 });
const PAGE = 'https://shop.example.com/products/lamp';

const writeScripts = (extra: object = {}, options: object = {}) => ({
	resource: 'aiScript',
	url: PAGE,
	options: { pollIntervalSeconds: 1, ...options },
	...extra,
});

test('is the default operation: a product page becomes a link, then scripts; the first text is in script', async () => {
	const { items, error } = await runCreatify({
		parameters: writeScripts(
			{},
			{
				language: 'es',
				targetAudience: 'cyclists',
				videoLength: 15,
				scriptStyles: 'BenefitsV2, DIY',
			},
		),
		items: [{}],
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	const [item] = items;
	const link = [...sim.urlToVideo.links.values()][0];
	expect(sim.paidAttempts('ai_scripts')[0].body).toEqual({
		link: link.id,
		language: 'es',
		target_audience: 'cyclists',
		video_length: 15,
		script_styles: ['BenefitsV2', 'DIY'],
	});
	expect(item.json.status).toBe('done');
	const scripts = item.json.generated_scripts as Array<{ paragraphs: string }>;
	expect(item.json.scripts).toEqual(scripts.map((s) => s.paragraphs));
	expect(item.json.script).toBe(scripts[0].paragraphs);
	expect(item.json.script).toMatch(/BenefitsV2 style, 15 seconds/);
	expect(sim.credits).toBe(999);
});

test('a link made before is used as it is; a bad link ID or length is refused before paying', async () => {
	const link = sim.urlToVideo.seedLink(PAGE);
	const { items } = await runCreatify({
		parameters: writeScripts(
			{ source: 'link', linkId: rl('={{ $json.link }}') },
			{ videoLength: '={{ $json.length }}' },
		),
		items: [
			{ link: link.id, length: '30' },
			{ link: 'nope', length: 30 },
			{ link: link.id, length: 20 },
		],
		credentials: credentials(),
		continueOnFail: true,
	});
	expect(items[0].json.script).toEqual(expect.stringContaining(PAGE));
	// a length given as text (from a sheet) is sent as the number
	expect(sim.paidAttempts('ai_scripts')[0].body).toEqual({ link: link.id, video_length: 30 });
	expect(failureOf(items[1])?.message).toMatch(/Link ID/);
	expect(failureOf(items[2])?.message).toBe(
		'Video Length must be one of 15, 30, 45, 60 seconds, got 20 (item 2)',
	);
	expect(sim.paidAttempts('ai_scripts')).toHaveLength(1);
	expect(sim.urlToVideo.links.size).toBe(1);
});
