/**
 * Looks at the n8n editor the way a user does, in headless Chromium (Debian's `chromium`, driven by
 * playwright-core): the canvas with our nodes, the Creatify node's operations, the trigger's notice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

export interface EditorView {
	/** our nodes on the canvas that show the Creatify icon */
	canvasIcons: number;
	operations: string[];
	triggerText: string;
	files: string[];
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, installed on first use (these machines run as root and reach Debian's packages). */
function ensureChromium(): string {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	if (process.getuid?.() !== 0)
		throw new Error(`headless Chromium is needed at ${CHROMIUM}: apt-get install chromium`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
	execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { env, stdio: 'ignore' });
	return CHROMIUM;
}

/** Opens the editor on a workflow in headless Chromium, signed in with the API client's session, and runs `look`. */
async function inEditor<T>(
	baseUrl: string,
	cookie: string,
	workflowId: string,
	outDir: string,
	look: (page: Page, nodes: Locator) => Promise<T>,
): Promise<T> {
	mkdirSync(outDir, { recursive: true });
	const browser = await chromium.launch({
		executablePath: ensureChromium(),
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
		const [name, value] = cookie.split(';')[0].split('=');
		await context.addCookies([{ name, value, url: baseUrl }]);
		// n8n binds a session to the browser ID it was created with (the API client used "creatify-e2e")
		await context.addInitScript("window.localStorage.setItem('n8n-browserId', 'creatify-e2e')");
		const page = await context.newPage();
		await page.goto(`${baseUrl}/workflow/${workflowId}`);
		const nodes = page.locator('[data-test-id="canvas-node"]');
		await nodes
			.first()
			.waitFor({ timeout: 60_000 })
			.catch(async (error: Error) => {
				await page.screenshot({ path: join(outDir, 'failure.png') });
				throw new Error(`${error.message} (page ${page.url()}, see failure.png)`);
			});
		await page.waitForTimeout(1500);
		return await look(page, nodes);
	} finally {
		await browser.close();
	}
}

/** A screenshot of a workflow's canvas, saved as `fileName` in `outDir`; returns the file. */
export async function captureCanvas(
	baseUrl: string,
	cookie: string,
	workflowId: string,
	outDir: string,
	fileName: string,
): Promise<string> {
	return await inEditor(baseUrl, cookie, workflowId, outDir, async (page) => {
		const file = join(outDir, fileName);
		await page.screenshot({ path: file });
		return file;
	});
}

export async function captureEditor(
	baseUrl: string,
	cookie: string,
	workflowId: string,
	outDir: string,
): Promise<EditorView> {
	return await inEditor(baseUrl, cookie, workflowId, outDir, async (page, nodes) => {
		const files = [
			join(outDir, 'workflow.png'),
			join(outDir, 'creatify-operations.png'),
			join(outDir, 'creatify-trigger.png'),
		];
		await page.screenshot({ path: files[0] });
		const canvasIcons = await page
			.locator('[data-test-id="canvas-node"] img[src*="creatify"]')
			.count();

		await nodes
			.filter({ hasText: 'Creatify' })
			.filter({ hasNotText: 'Trigger' })
			.first()
			.dblclick();
		await page.locator('[data-test-id="parameter-input-operation"]').first().click();
		const options = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
		await options.first().waitFor({ timeout: 15_000 });
		const operations = (await options.allInnerTexts())
			.map((t) => t.split('\n')[0].trim())
			.filter(Boolean);
		await page.screenshot({ path: files[1] });

		await page.goto(`${baseUrl}/workflow/${workflowId}`);
		await nodes.first().waitFor({ timeout: 60_000 });
		await page.waitForTimeout(1000);

		await nodes.filter({ hasText: 'Creatify Trigger' }).first().dblclick();
		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.waitFor({ timeout: 15_000 });
		await page.waitForTimeout(800);
		const triggerText = await ndv.innerText();
		await page.screenshot({ path: files[2] });
		return { canvasIcons, operations, triggerText, files };
	});
}
