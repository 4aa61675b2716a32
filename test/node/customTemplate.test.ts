/** Custom Templates against the simulator: variables as pairs or JSON, checks before paying, preview and render. */
import type { INodeParameters } from 'n8n-workflow';

import { rl, useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';
import { CUSTOM_TEMPLATES } from '../simulator/customTemplate';
import { PERSONAS } from '../simulator/personas';

const { sim, credentials } = useSimulator({ videoMs: 60 });
const FAST_POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1, download: 'none' };
const [SPOTLIGHT, LONG_STORY] = CUSTOM_TEMPLATES;

const pairs = (...variables: Array<[string, string, string]>) => ({
	variable: variables.map(([name, kind, value]) => ({ name, kind, value })),
});
const templateVideo = (extra: INodeParameters = {}, options: INodeParameters = {}) => ({
	resource: 'customTemplate',
	operation: 'createVideo',
	templateId: SPOTLIGHT.id,
	variables: pairs(
		['product_name', 'text', '={{ $json.product }}'],
		['product_image', 'image', '={{ $json.image }}'],
		['presenter', 'avatar', PERSONAS[2].id],
	),
	...extra,
	options: { ...FAST_POLL, ...options },
});

describe('Create Video', () => {
	test("rows → a video per row: each row's variables in Creatify's shape, paired to its row", async () => {
		const rows = [
			{ product: 'Desk lamp', image: 'https://shop.example.com/lamp.png' },
			{ product: 'Kettle', image: 'https://shop.example.com/kettle.png' },
		];
		const { items, error } = await runCreatify({
			parameters: templateVideo({}, { name: '={{ $json.product }}' }),
			items: rows,
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(sim.paidAttempts('custom_template_jobs')[0].body).toEqual({
			template_id: SPOTLIGHT.id,
			name: 'Desk lamp',
			variables: {
				product_name: { type: 'text', properties: { content: 'Desk lamp' } },
				product_image: { type: 'image', properties: { url: 'https://shop.example.com/lamp.png' } },
				presenter: { type: 'avatar', properties: { avatar_id: PERSONAS[2].id } },
			},
		});
		expect(items.map((i) => [i.json.name, i.json.status, i.pairedItem])).toEqual([
			['Desk lamp', 'done', { item: 0 }],
			['Kettle', 'done', { item: 1 }],
		]);
		expect(items[0].json.video_output).toMatch(/video\.mp4$/);
		expect(sim.credits).toBe(990);
	});

	test('a row whose variables do not fit goes to the error output before anything is paid; the others are made', async () => {
		const rows = [
			{ product: 'Desk lamp', image: 'https://shop.example.com/lamp.png' },
			{ product: 'Kettle', image: 'kettle.png' },
		];
		const { items, errorItems } = await runCreatify({
			parameters: templateVideo(),
			items: rows,
			credentials: credentials(),
			continueOnFail: 'errorOutput',
		});
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
		expect(errorItems).toHaveLength(1);
		expect(errorItems[0].pairedItem).toEqual({ item: 1 });
		expect(failureOf(errorItems[0])?.message).toMatch(
			/Variable "product_image" must be an http\(s\) URL, got "kettle.png"/,
		);
		expect(sim.paidAttempts()).toHaveLength(1);
	});

	test("JSON variables are sent as given; a variable the template does not have is Creatify's refusal, unpaid", async () => {
		const variables = {
			headline: { type: 'text', properties: { content: 'Once upon a lamp' } },
			music: { type: 'audio', properties: { url: 'https://cdn.example.com/tune.mp3' } },
		};
		const good = await runCreatify({
			parameters: templateVideo({
				templateId: LONG_STORY.id,
				variablesFrom: 'json',
				variablesJson: JSON.stringify(variables),
			}),
			credentials: credentials(),
		});
		expect(good.error).toBeUndefined();
		expect(sim.paidAttempts()[0].body).toMatchObject({ variables });
		const unknown = await runCreatify({
			parameters: templateVideo({
				templateId: LONG_STORY.id,
				variablesFrom: 'json',
				variablesJson: JSON.stringify({ subtitle: variables.headline }),
			}),
			credentials: credentials(),
		});
		expect(unknown.error?.message).toMatch(/400/);
		expect(JSON.stringify(unknown.error)).toMatch(/Unknown variable \\"subtitle\\"/);
		expect(sim.credits).toBe(1000 - 10);
	});

	test("Expected Length prices the run: 45 s is 10 credits; Aurora V1 is the model's price per second", async () => {
		sim.credits = 9;
		const refused = await runCreatify({
			parameters: templateVideo({}, { expectedSeconds: 45 }),
			items: [{ product: 'Lamp', image: 'https://shop.example.com/lamp.png' }],
			credentials: credentials(),
		});
		expect(refused.error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 10, the account has 9',
		);
		const capped = await runCreatify({
			parameters: templateVideo(
				{},
				{ expectedSeconds: 45, modelVersion: 'aurora_v1', maxCreditsPerRun: 44 },
			),
			items: [{ product: 'Lamp', image: 'https://shop.example.com/lamp.png' }],
			credentials: credentials(),
		});
		expect(capped.error?.message).toMatch(/would spend 45 Creatify credits/);
		expect(sim.paidAttempts()).toHaveLength(0);
	});
});

test('Create Preview (preview_async, 1 credit), then Render (4 credits) sends the job back with its variables', async () => {
	const preview = await runCreatify({
		parameters: templateVideo({ operation: 'createPreview' }),
		items: [{ product: 'Lamp', image: 'https://shop.example.com/lamp.png' }],
		credentials: credentials(),
	});
	expect(preview.error).toBeUndefined();
	const job = preview.items[0].json as { id: string; preview: string; variables: object };
	expect(job.preview).toMatch(/^https:\/\/app\.creatify\.ai\/preview/);
	expect(sim.paidAttempts('preview_async')).toHaveLength(1);
	expect(sim.credits).toBe(999);
	const render = await runCreatify({
		parameters: {
			resource: 'customTemplate',
			operation: 'render',
			templateVideoId: rl(job.id),
			options: FAST_POLL,
		},
		credentials: credentials(),
	});
	expect(render.error).toBeUndefined();
	expect(render.items[0].json).toMatchObject({ id: job.id, status: 'done' });
	expect(sim.paidAttempts('render')[0].body).toEqual({
		template_id: SPOTLIGHT.id,
		variables: job.variables,
	});
	expect(sim.credits).toBe(995);
});
