/**
 * Every workflow in examples/ runs here in a real n8n against the simulator, as a user imports it, with local
 * stand-ins for the outside services put in by the test (examples.ts): a local mail server, spreadsheet files
 * read and written by n8n's file nodes, files written to disk instead of a cloud drive. Each check's title starts
 * with its example's file name, and a last check fails for an example without one.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ParsedMail } from 'mailparser';

import { CUSTOM_TEMPLATES } from '../simulator/customTemplate';
import { PERSONAS } from '../simulator/personas';
import { CreatifySimulator } from '../simulator/server';
import { VOICES } from '../simulator/urlToVideo';
import type { N8nApi, OutputItem } from '../n8n/api';
import type { N8nProcess } from '../n8n/runtime';
import { n8nCli } from '../n8n/runtime';
import type { Example, ExampleNode } from './examples';
import { loadExample, readSheet, sheetFile, withStandIns, writeSheet } from './examples';
import {
	finishedExecutions as finishedAfter,
	nodeItems,
	nodeOutput,
	postJson,
	until,
} from './helpers';
import { Mailbox } from './mailbox';
import type { RealN8n } from './realN8n';
import { logTailOnFailure, startRealN8n, stopRealN8n } from './realN8n';

const sim = new CreatifySimulator({ imageMs: 500, videoMs: 800 });
/** the only folder n8n's file nodes may use: the examples' spreadsheets and uploads */
const files = mkdtempSync(join(tmpdir(), 'creatify-example-files-'));
let real: RealN8n | undefined;
let n8n: N8nProcess;
let api: N8nApi;
let credentialId: string;
/** the example files that have a check */
const checked = new Set<string>();

const logTail = () => n8n.logTail(40);

/** A check of one example: its title starts with the file's name. */
function exampleTest(
	file: string | string[],
	title: string,
	fn: () => Promise<void>,
	timeoutMs?: number,
) {
	const names = [file].flat();
	for (const name of names) checked.add(name);
	test(`${names.join(' + ')}: ${title}`, fn, timeoutMs);
}

/** The mails sent to `address`. */
const mailsTo = (mails: ParsedMail[], address: string) =>
	mails.filter((mail) => JSON.stringify(mail.to).includes(address));

/** A mail's attachments as [file name, type, not empty]. */
const attachmentsOf = (mail: ParsedMail) =>
	mail.attachments.map((a) => [a.filename, a.contentType, a.size > 0]);

/** The named fields of a row. */
const pick = (row: Record<string, unknown>, ...fields: string[]) =>
	Object.fromEntries(fields.map((field) => [field, row[field]]));

async function post(path: string, body: unknown) {
	return await postJson(`${n8n.url}/webhook/${path}`, body);
}

async function finishedExecutions(workflowId: string, count: number) {
	return await finishedAfter(api, workflowId, count, 120_000, logTail);
}

/** The example with the test's stand-ins; started by a webhook at its file's name unless `webhookStart` is false. */
function prepared(file: string, credentials: Record<string, string>, webhookStart = true): Example {
	const startPath = webhookStart ? file.replace(/\.json$/, '') : undefined;
	return withStandIns(loadExample(file), { credentials, folder: files, startPath });
}

/** The name of the example's Google Sheets node, whose rows the test writes to a file. */
const sheetName = (example: Example) =>
	example.nodes.find((node) => node.type === 'n8n-nodes-base.googleSheets')?.name;

/**
 * Runs an example whose rows come from a spreadsheet, as started by hand: the rows written to the sheet's
 * file, the local mail server for its e-mails. Returns its execution and the mails once `mailCount` arrived.
 */
async function runExampleWithRows(
	file: string,
	rows: object[],
	mailCount: number,
	edit: (nodes: ExampleNode[]) => void = () => {},
) {
	const mailbox = new Mailbox();
	await mailbox.start();
	try {
		const sheet = sheetName(loadExample(file));
		if (sheet) writeSheet(sheetFile(files, sheet), rows);
		const smtp = await api.createCredential('Local mail', 'smtp', mailbox.credentialData());
		const example = prepared(file, { creatifyApi: credentialId, smtp });
		edit(example.nodes);
		const id = await api.createWorkflow(example);
		await api.activate(id);
		const path = file.replace(/\.json$/, '');
		await n8n.waitForWebhook(path);
		expect(await post(path, {})).toBe(200);
		const [execution] = await finishedExecutions(id, 1);
		await until('the e-mails', async () => (mailbox.mails.length >= mailCount ? true : undefined));
		return { execution, mails: mailbox.mails };
	} finally {
		await mailbox.stop();
	}
}

beforeAll(async () => {
	real = await startRealN8n(sim, 'examples', { N8N_RESTRICT_FILE_ACCESS_TO: files });
	({ n8n, api, credentialId } = real);
}, 600_000);

afterAll(async () => {
	await stopRealN8n(real, sim);
	rmSync(files, { recursive: true, force: true });
});

logTailOnFailure(() => n8n);

exampleTest(
	'preview-approve-render.json',
	"a product page's previews are e-mailed, the reviewer's choice in the Wait node's form is rendered and e-mailed; choosing none renders nothing",
	async () => {
		sim.reset({ videoMs: 600 });
		const mailbox = new Mailbox();
		await mailbox.start();
		try {
			const token = { name: 'X-Shop-Token', value: 'shop-secret' };
			const example = prepared('preview-approve-render.json', {
				creatifyApi: credentialId,
				smtp: await api.createCredential('Local mail', 'smtp', mailbox.credentialData()),
				httpHeaderAuth: await api.createCredential('Shop token', 'httpHeaderAuth', token),
			});
			const id = await api.createWorkflow(example);
			await api.activate(id);
			await n8n.waitForWebhook('new-product-video');
			const newProduct = async (reviewer: string, headers: Record<string, string>) =>
				await fetch(`${n8n.url}/webhook/new-product-video`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
					body: JSON.stringify({
						url: 'https://shop.example.com/products/lamp',
						product: 'Desk lamp',
						reviewer,
					}),
				});
			expect((await newProduct('eve@example.com', {})).status).toBe(403);
			expect((await newProduct('ana@example.com', { [token.name]: token.value })).status).toBe(200);

			const ask = await mailbox.received(/^Choose a preview for Desk lamp$/);
			expect(ask.to).toMatchObject({ text: 'ana@example.com' });
			expect(String(ask.text).match(/https:\/\/app\.creatify\.ai\/preview/g)).toHaveLength(3);
			const choose = async (mail: typeof ask, choice: string) => {
				const formUrl = String(mail.text).match(/or none: (\S+)/)![1];
				// opening the link (as a mail scanner would) only shows the form
				const page = await fetch(formUrl);
				expect([page.status, (await page.text()).includes('Preview to render')]).toEqual([
					200,
					true,
				]);
				const form = new FormData();
				form.append('field-0', choice);
				expect((await fetch(formUrl, { method: 'POST', body: form })).status).toBe(200);
			};
			await choose(ask, 'FullScreenTemplate');
			const [execution] = await finishedExecutions(id, 1);
			expect(execution.status).toBe('success');
			const rendered = nodeItems(execution, 'Render')[0];
			expect(rendered).toMatchObject({ status: 'done', visual_style: 'FullScreenTemplate' });
			const ready = await mailbox.received(/^Your video ad for Desk lamp is ready$/);
			expect(ready.text).toContain(`${sim.url}/media/${String(rendered.id)}/video.mp4`);
			expect(sim.paidAttempts('render_single_preview').map((r) => r.body)).toEqual([
				{ media_job: rendered.media_job },
			]);

			// a reviewer who chooses none: the execution ends without a render
			expect((await newProduct('ben@example.com', { [token.name]: token.value })).status).toBe(200);
			const second = await until(
				'the second request for a choice',
				async () => mailbox.mails.filter((m) => /^Choose a preview/.test(m.subject ?? ''))[1],
				30_000,
				logTail,
			);
			await choose(second, 'None of them');
			const finished = await finishedExecutions(id, 2);
			const declined = finished.find((e) => e.id !== execution.id)!;
			expect(nodeItems(declined, 'Not Rendered')).toHaveLength(1);
			expect(nodeItems(declined, 'Render')).toHaveLength(0);
			expect(sim.paidAttempts('render_single_preview')).toHaveLength(1);
		} finally {
			await mailbox.stop();
		}
	},
);

exampleTest(
	'script-rows-to-avatar-videos.json',
	'AI Avatar: sheet rows → avatar videos (poll), each e-mailed to its row with the video attached; a row with an empty script goes to the error output unpaid',
	async () => {
		sim.reset({ videoMs: 800 });
		const [voice] = VOICES[0].accents;
		const rows = [
			{ title: 'Lamp launch', script: 'Meet the lamp.', email: 'ana@example.com' },
			{ title: 'Empty', script: ' ', email: 'bo@example.com' },
			{ title: 'Kettle launch', script: 'Meet the kettle.', email: 'cy@example.com' },
		].map((row, k) => ({ ...row, avatar_id: PERSONAS[k].id, voice_id: voice.id }));
		const { execution, mails } = await runExampleWithRows(
			'script-rows-to-avatar-videos.json',
			rows,
			3,
		);
		expect(execution.status).toBe('success');
		const made = nodeItems(execution, 'Make Avatar Video');
		expect(made.map((video) => [video.name, video.status])).toEqual([
			['Lamp launch', 'done'],
			['Kettle launch', 'done'],
		]);
		const to = (address: string) => mailsTo(mails, address)[0];
		for (const [address, title, video] of [
			['ana@example.com', 'Lamp launch', made[0]],
			['cy@example.com', 'Kettle launch', made[1]],
		] as const) {
			const mail = to(address)!;
			expect(mail.subject).toBe(`Your avatar video "${title}" is ready`);
			expect(mail.text).toContain(String(video.output));
			expect(attachmentsOf(mail)).toEqual([[`${String(video.id)}.mp4`, 'video/mp4', true]]);
		}
		expect(to('ops@example.com')?.subject).toBe('Avatar video failed for "Empty"');
		expect(to('ops@example.com')?.text).toMatch(/Script is empty/);
		expect(to('bo@example.com')).toBeUndefined();
		expect(sim.paidAttempts('lipsyncs_v2')).toHaveLength(2);
	},
);

exampleTest(
	'custom-template-rows-to-videos.json',
	"Custom Template: waits for Creatify's callbacks: rows → template videos paired to their rows and e-mailed; a row whose image is not a URL goes to the error output unpaid",
	async () => {
		sim.reset({ videoMs: 1500 });
		const rows = [
			{
				product: 'Desk lamp',
				image_url: 'https://shop.example.com/lamp.png',
				owner_email: 'ana@example.com',
			},
			{ product: 'Kettle', image_url: 'kettle.png', owner_email: 'bo@example.com' },
			{
				product: 'Mug',
				image_url: 'https://shop.example.com/mug.png',
				owner_email: 'cy@example.com',
			},
		];
		const { execution, mails } = await runExampleWithRows(
			'custom-template-rows-to-videos.json',
			rows,
			3,
			(nodes) => {
				// the user's template, made in Creatify's app: here the simulator's
				nodes.find((n) => n.name === 'Make Template Video')!.parameters.templateId =
					CUSTOM_TEMPLATES[0].id;
			},
		);
		expect(execution.status).toBe('success');
		const made = nodeItems(execution, 'Make Template Video');
		expect(made.map((video) => [video.name, video.status])).toEqual([
			['Desk lamp', 'done'],
			['Mug', 'done'],
		]);
		const to = (address: string) => mailsTo(mails, address)[0];
		expect(to('ana@example.com')?.subject).toBe('Your video for Desk lamp is ready');
		expect(to('ana@example.com')?.text).toContain(String(made[0].video_output));
		expect(to('cy@example.com')?.text).toContain(String(made[1].video_output));
		expect(to('ops@example.com')?.text).toMatch(
			/Variable "product_image" must be an http\(s\) URL/,
		);
		expect(to('bo@example.com')).toBeUndefined();
		// the videos' callbacks reached the waiting execution
		const sent = sim.paidAttempts('custom_template_jobs');
		expect(sent.map((r) => (r.body as { webhook_url?: string }).webhook_url)).toEqual([
			expect.stringContaining('/webhook-waiting/'),
			expect.stringContaining('/webhook-waiting/'),
		]);
		expect(
			sim.webhookDeliveries.filter((d) => d.url.includes('/webhook-waiting/')).length,
		).toBeGreaterThan(0);
	},
);

exampleTest(
	'product-photo-to-generated-ad-assets.json',
	'Asset Generator and Image Ad: photo rows → an AI ad image per row (attached) → IAB banners, two sizes e-mailed as attachments; a row whose photo is not a URL goes to the error output unpaid',
	async () => {
		sim.reset({ videoMs: 600 });
		const rows = [
			{
				product: 'Desk lamp',
				photo_url: 'https://shop.example.com/lamp.png',
				scene: 'a loft office',
				email: 'ana@example.com',
			},
			{ product: 'Kettle', photo_url: 'kettle.png', scene: 'a kitchen', email: 'bo@example.com' },
			{
				product: 'Mug',
				photo_url: 'https://shop.example.com/mug.png',
				scene: 'a cafe',
				email: 'cy@example.com',
			},
		];
		const { execution, mails } = await runExampleWithRows(
			'product-photo-to-generated-ad-assets.json',
			rows,
			3,
		);
		expect(execution.status).toBe('success');
		type WithBinary = OutputItem & {
			binary?: Record<string, { mimeType?: string; fileName?: string }>;
		};
		const images = nodeOutput(execution, 'Generate Ad Image') as WithBinary[];
		expect(
			images.map((item) => [item.json.model_name, item.json.status, item.pairedItem?.item]),
		).toEqual([
			['nano-banana/edit', 'done', 0],
			['nano-banana/edit', 'done', 2],
		]);
		for (const image of images)
			expect(image.binary?.ad_image).toMatchObject({
				mimeType: 'image/png',
				fileName: `${String(image.json.id)}-1.png`,
			});
		const sent = sim
			.paidAttempts('asset_generator')
			.map((r) => (r.body as { input_params: { image_urls: string[] } }).input_params.image_urls);
		// sent concurrently: in any order
		expect(sent.flat().sort()).toEqual([rows[0].photo_url, rows[2].photo_url].sort());
		const banners = nodeItems(execution, 'Make Banners');
		expect(banners.map((job) => job.image)).toEqual(
			images.map((item) => (item.json.assets as Array<{ url: string }>)[0].url),
		);
		const to = (address: string) => mailsTo(mails, address)[0];
		for (const [address, product, job] of [
			['ana@example.com', 'Desk lamp', banners[0]],
			['cy@example.com', 'Mug', banners[1]],
		] as const) {
			const mail = to(address)!;
			expect(mail.subject).toBe(`Ad banners for ${product}`);
			expect(mail.text).toContain('728x90 ');
			expect(attachmentsOf(mail)).toEqual([
				[`${String(job.id)}-1.png`, 'image/png', true],
				[`${String(job.id)}-2.png`, 'image/png', true],
			]);
		}
		expect(to('ops@example.com')?.subject).toBe('Ad assets failed for Kettle');
		expect(to('ops@example.com')?.text).toMatch(/"image_urls\[0\]" must be an http\(s\) URL/);
		expect(to('bo@example.com')).toBeUndefined();
		expect(sim.paidAttempts('iab_images')).toHaveLength(2);
	},
);

exampleTest(
	'spreadsheet-file-to-videos-to-email.json',
	'an XLSX of product pages → a video ad per row (poll, attached) → the links written back to a new XLSX → one e-mail per row with its video; a page Creatify cannot read goes to the ops e-mail unpaid',
	async () => {
		sim.reset({ videoMs: 600 });
		const rows = [
			{
				product: 'Desk lamp',
				page_url: 'https://shop.example.com/p/lamp',
				audience: 'home office',
				email: 'ana@example.com',
			},
			{
				product: 'Kettle',
				page_url: 'https://shop.example.com/p/scrape-fail',
				audience: 'tea lovers',
				email: 'bo@example.com',
			},
			{
				product: 'Mug',
				page_url: 'https://shop.example.com/p/mug',
				audience: 'coffee lovers',
				email: 'cy@example.com',
			},
		];
		writeSheet(join(files, 'product-pages.xlsx'), rows);
		const { execution, mails } = await runExampleWithRows(
			'spreadsheet-file-to-videos-to-email.json',
			[],
			3,
		);
		expect(execution.status).toBe('success');
		const videos = nodeItems(execution, 'Create Video Ad');
		expect(videos.map((video) => [video.name, video.status])).toEqual([
			['Desk lamp', 'done'],
			['Mug', 'done'],
		]);
		expect(readSheet(join(files, 'product-videos.xlsx'))).toEqual([
			{
				...pick(rows[0], 'product', 'page_url', 'email'),
				video_url: videos[0].video_output,
				video_id: videos[0].id,
			},
			{
				...pick(rows[2], 'product', 'page_url', 'email'),
				video_url: videos[1].video_output,
				video_id: videos[1].id,
			},
		]);
		const to = (address: string) => mailsTo(mails, address);
		for (const [address, product, video] of [
			['ana@example.com', 'Desk lamp', videos[0]],
			['cy@example.com', 'Mug', videos[1]],
		] as const) {
			const [mail, ...more] = to(address);
			expect(more).toHaveLength(0);
			expect(mail.subject).toBe(`Your video ad for ${product}`);
			expect(mail.text).toContain(String(video.video_output));
			expect(attachmentsOf(mail)).toEqual([[`${String(video.id)}.mp4`, 'video/mp4', true]]);
		}
		expect(to('ops@example.com')[0]?.subject).toBe(`Video ad failed for ${rows[1].page_url}`);
		expect(to('ops@example.com')[0]?.text).toMatch(/Failed to scrape url/);
		expect(to('bo@example.com')).toHaveLength(0);
		expect(sim.paidAttempts('link_to_videos')).toHaveLength(2);
	},
);

exampleTest(
	'product-urls-to-video-ads.json',
	'sheet rows of product pages → Create Video From URL (poll) → an e-mail per row with the link (Gmail swapped for the local mail server); a page Creatify cannot read goes to the ops e-mail with nothing paid',
	async () => {
		sim.reset({ videoMs: 600 });
		const rows = [
			{
				product: 'Desk lamp',
				page_url: 'https://shop.example.com/p/lamp',
				platform: 'TikTok',
				audience: 'students',
				owner_email: 'ana@example.com',
			},
			{
				product: 'Kettle',
				page_url: 'https://shop.example.com/p/scrape-fail',
				platform: '',
				audience: 'tea lovers',
				owner_email: 'bo@example.com',
			},
		];
		const { execution, mails } = await runExampleWithRows(
			'product-urls-to-video-ads.json',
			rows,
			2,
		);
		expect(execution.status).toBe('success');
		const [video] = nodeItems(execution, 'Create Video Ad');
		expect(video).toMatchObject({ name: 'Desk lamp', status: 'done', target_platform: 'TikTok' });
		const ready = mailsTo(mails, 'ana@example.com')[0];
		expect(ready.subject).toBe('Your video ad for Desk lamp is ready');
		expect(ready.text).toContain(String(video.video_output));
		expect(ready.text).toContain(String(video.video_thumbnail));
		const ops = mailsTo(mails, 'ops@example.com')[0];
		expect(ops.subject).toBe(`Video ad failed for ${rows[1].page_url}`);
		expect(ops.text).toMatch(/Failed to scrape url/);
		expect(sim.paidAttempts('link_to_videos')).toHaveLength(1);
	},
);

exampleTest(
	'sheet-rows-to-video-email.json',
	'sheet rows of product images → Product Video Create Video (poll) → an e-mail per row with the video link; an image Creatify fails goes to the ops e-mail',
	async () => {
		sim.reset({ imageMs: 300, videoMs: 500 });
		const rows = [
			{
				product: 'Bottle',
				image_url: 'https://shop.example.com/images/bottle.png',
				scene: 'on a beach',
				owner_email: 'ana@example.com',
			},
			{
				product: 'Broken',
				image_url: 'https://shop.example.com/images/fail-image.png',
				scene: 'anywhere',
				owner_email: 'bo@example.com',
			},
		];
		const { execution, mails } = await runExampleWithRows(
			'sheet-rows-to-video-email.json',
			rows,
			2,
		);
		expect(execution.status).toBe('success');
		const [task] = nodeItems(execution, 'Create Video');
		expect(task).toMatchObject({ status: 'video_generated', image_prompt: 'on a beach' });
		const ready = mailsTo(mails, 'ana@example.com')[0];
		expect(ready.subject).toBe('Your video for Bottle is ready');
		expect(ready.text).toContain(String(task.generated_video_url));
		const ops = mailsTo(mails, 'ops@example.com')[0];
		expect(ops.subject).toBe('Video failed for Broken');
		expect(ops.text).toMatch(/failed/i);
	},
);

exampleTest(
	'image-and-voice-to-talking-video.json',
	'sheet rows → Text to Speech → Aurora with the voice-over (poll, video attached) → an e-mail per row; a script the voice cannot read goes to the ops e-mail',
	async () => {
		sim.reset({ videoMs: 500 });
		const [voice] = VOICES[0].accents;
		const rows = [
			{
				title: 'Lamp hello',
				script: 'Meet the lamp that lasts.',
				voice_id: voice.id,
				image_url: 'https://cdn.example.com/presenter.png',
				owner_email: 'ana@example.com',
			},
			{
				title: 'Broken voice',
				script: 'fail-audio please',
				voice_id: voice.id,
				image_url: 'https://cdn.example.com/presenter.png',
				owner_email: 'bo@example.com',
			},
		];
		const { execution, mails } = await runExampleWithRows(
			'image-and-voice-to-talking-video.json',
			rows,
			2,
		);
		expect(execution.status).toBe('success');
		const [speech] = nodeItems(execution, 'Create Voice-Over');
		const [video] = nodeItems(execution, 'Create Talking Video');
		expect(video).toMatchObject({ name: 'Lamp hello', status: 'done', audio: speech.output });
		const ready = mailsTo(mails, 'ana@example.com')[0];
		expect(ready.subject).toBe('Talking video ready: Lamp hello');
		expect(attachmentsOf(ready)).toEqual([[`${String(video.id)}.mp4`, 'video/mp4', true]]);
		const ops = mailsTo(mails, 'ops@example.com')[0];
		expect(ops.subject).toBe('Talking video failed for Broken voice');
		expect(ops.text).toMatch(/Speech synthesis failed/);
		expect(sim.paidAttempts('aurora')).toHaveLength(1);
	},
);

exampleTest(
	'script-rows-to-voiceovers.json',
	'sheet rows of scripts → Text to Speech (poll, audio downloaded) → each MP3 written as the row names it (Google Drive swapped for a folder); a too-long script goes to the ops e-mail unsent',
	async () => {
		sim.reset({ videoMs: 400 });
		const [voice] = VOICES[0].accents;
		const rows = [
			{ title: 'lamp-intro', script: 'Meet the lamp.', voice_id: voice.id },
			{ title: 'too-long', script: 'x'.repeat(8001), voice_id: voice.id },
			{ title: 'mug-intro', script: 'Meet the mug.', voice_id: voice.id },
		];
		const { execution, mails } = await runExampleWithRows(
			'script-rows-to-voiceovers.json',
			rows,
			1,
		);
		expect(execution.status).toBe('success');
		const uploads = join(files, 'uploads');
		const written = readdirSync(uploads).sort();
		expect(written).toEqual(['lamp-intro.mp3', 'mug-intro.mp3']);
		for (const file of written)
			expect(readFileSync(join(uploads, file)).subarray(0, 3).toString()).toBe('ID3');
		expect(mails[0].subject).toBe('Voice-over failed for too-long');
		expect(mails[0].text).toMatch(/Script is 8001 characters long/);
		expect(sim.paidAttempts('text_to_speech')).toHaveLength(2);
	},
);

exampleTest(
	'callback-mode.json',
	"a product posted to the webhook → Create Video waiting for Creatify's callbacks (video attached) → the video e-mailed to marketing",
	async () => {
		sim.reset({ imageMs: 300, videoMs: 500 });
		const mailbox = new Mailbox();
		await mailbox.start();
		try {
			const smtp = await api.createCredential('Local mail', 'smtp', mailbox.credentialData());
			const id = await api.createWorkflow(
				prepared('callback-mode.json', { creatifyApi: credentialId, smtp }),
			);
			await api.activate(id);
			await n8n.waitForWebhook('new-product');
			expect(
				await post('new-product', { image_url: 'https://shop.example.com/images/lamp.png' }),
			).toBe(200);
			const [execution] = await finishedExecutions(id, 1);
			expect(execution.status).toBe('success');
			const [task] = nodeItems(execution, 'Create Video');
			expect(task.status).toBe('video_generated');
			const mail = await mailbox.received(/^New product video$/);
			expect(attachmentsOf(mail)).toEqual([[`${String(task.id)}.mp4`, 'video/mp4', true]]);
			const sent = sim.paidAttempts('gen_image')[0].body as { webhook_url?: string };
			expect(sent.webhook_url).toContain('/webhook-waiting/');
		} finally {
			await mailbox.stop();
		}
	},
);

exampleTest(
	['long-renders-start.json', 'long-renders-trigger.json'],
	"nothing waits: the morning run starts each row's image with the trigger's URL; the Creatify Trigger workflow starts the video when the image is ready and e-mails it when the video is",
	async () => {
		sim.reset({ imageMs: 300, videoMs: 500 });
		const mailbox = new Mailbox();
		await mailbox.start();
		try {
			const smtp = await api.createCredential('Local mail', 'smtp', mailbox.credentialData());
			const credentials = { creatifyApi: credentialId, smtp };
			const publicUrl = (nodes: ExampleNode[]) => {
				for (const node of nodes) {
					const options = node.parameters.options as { webhookUrl?: string } | undefined;
					if (options?.webhookUrl)
						options.webhookUrl = options.webhookUrl.replace('https://n8n.example.com', n8n.url);
				}
			};
			const trigger = prepared('long-renders-trigger.json', credentials);
			publicUrl(trigger.nodes);
			const triggerId = await api.createWorkflow(trigger);
			await api.activate(triggerId);
			const rows = [
				{ product: 'Bottle', image_url: 'https://shop.example.com/images/bottle.png' },
				{ product: 'Lamp', image_url: 'https://shop.example.com/images/lamp.png' },
			];
			await runExampleWithRows('long-renders-start.json', rows, 0, publicUrl);
			const videos = await until(
				'both video e-mails',
				async () => {
					const ready = mailbox.mails.filter((m) => m.subject === 'A product video is ready');
					return ready.length >= 2 ? ready : undefined;
				},
				60_000,
				logTail,
			);
			for (const row of rows)
				expect(videos.some((mail) => String(mail.text).includes(row.image_url))).toBe(true);
			expect(sim.paidAttempts('gen_video')).toHaveLength(2);
			// two executions per task (image ready, video ready), each verified
			const executions = await finishedExecutions(triggerId, 4);
			expect(executions.every((e) => e.status === 'success')).toBe(true);
		} finally {
			await mailbox.stop();
		}
	},
);

exampleTest(
	'demo-simulator.json',
	'the demo (run with n8n execute, as by hand) turns a product image into a video',
	async () => {
		sim.reset({ imageMs: 500, videoMs: 800 });
		const example = prepared('demo-simulator.json', { creatifyApi: credentialId }, false);
		const id = await api.createWorkflow(example);
		await n8n.stop();
		const output = await n8nCli(n8n.options, ['execute', `--id=${id}`, '--rawOutput']);
		const result = JSON.parse(output.slice(output.indexOf('{')));
		const videoLink = result.data.resultData.runData['Video Link'][0].data.main[0][0].json;
		expect(videoLink).toEqual({
			video: expect.stringMatching(/\/media\/.+\/video\.mp4$/),
			preview: expect.stringMatching(/preview\.png$/),
			task: expect.any(String),
		});
		expect(sim.tasks.get(videoLink.task)?.status).toBe('video_generated');
	},
);

test('every file in examples/ has a check above', () => {
	const examples = readdirSync(join(__dirname, '..', '..', 'examples')).filter((f) =>
		f.endsWith('.json'),
	);
	expect(examples.filter((file) => !checked.has(file))).toEqual([]);
});
