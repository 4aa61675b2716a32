/**
 * The documentation holds together: the README stays a short start page, the details live in docs/, and every
 * relative link in README.md, CHANGELOG.md and docs/*.md reaches a file that exists and, for an #anchor, a
 * heading of that file (GitHub's anchor rule).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..');
const docsDir = join(root, 'docs');
const docPages = readdirSync(docsDir)
	.filter((f) => f.endsWith('.md'))
	.sort();
const checkedFiles = ['README.md', 'CHANGELOG.md', ...docPages.map((f) => `docs/${f}`)].filter(
	(f) => existsSync(join(root, f)),
);

const read = (file: string) => readFileSync(file, 'utf8');

/** The text without fenced code blocks (``` or ~~~), whose lines are neither headings nor links. */
function withoutCodeBlocks(markdown: string): string[] {
	const lines: string[] = [];
	let fence: string | undefined;
	for (const line of markdown.split('\n')) {
		const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (fence) {
			if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
			continue;
		}
		if (marker) {
			fence = marker;
			continue;
		}
		lines.push(line);
	}
	return lines;
}

/** GitHub's anchor of a heading: lower case, punctuation other than - and _ dropped, each space a -. */
function anchorOf(heading: string): string {
	return heading
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

const anchorCache = new Map<string, Set<string>>();

/** Every anchor a markdown file offers: its headings, a repeated heading getting -1, -2, … as on GitHub. */
function anchorsOf(file: string): Set<string> {
	const cached = anchorCache.get(file);
	if (cached) return cached;
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const line of withoutCodeBlocks(read(file))) {
		const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
		if (heading === undefined) continue;
		const base = anchorOf(heading);
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count === 0 ? base : `${base}-${count}`);
	}
	anchorCache.set(file, anchors);
	return anchors;
}

/** The targets of the inline links and images of a markdown file, outside code. */
function linksOf(markdown: string): string[] {
	const text = withoutCodeBlocks(markdown)
		.join('\n')
		.replace(/(`+)[\s\S]*?\1/g, '');
	return [...text.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*)?\)/g)].map(
		([, target]) => target,
	);
}

/** The problem with one link of a file, or undefined when it resolves. */
function linkProblem(file: string, target: string): string | undefined {
	if (/^(https?:|mailto:)/i.test(target)) return undefined;
	if (target === '') return 'empty link';
	const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
	const destination = pathPart === '' ? file : resolve(dirname(file), decodeURIComponent(pathPart));
	if (!existsSync(destination)) return 'no such file';
	if (anchor === undefined || anchor === '') return undefined;
	if (statSync(destination).isDirectory() || !destination.endsWith('.md')) return undefined;
	return anchorsOf(destination).has(decodeURIComponent(anchor).toLowerCase())
		? undefined
		: 'no such heading';
}

describe('documentation', () => {
	test('the README is a start page of at most 300 lines', () => {
		const lines = read(join(root, 'README.md')).replace(/\n$/, '').split('\n').length;
		expect(lines).toBeLessThanOrEqual(300);
	});

	test('docs/ has at least six pages besides the API notes', () => {
		const pages = docPages.filter((f) => f !== 'api-notes.md');
		expect(pages.length).toBeGreaterThanOrEqual(6);
	});

	test('the anchor rule is GitHub’s', () => {
		expect(anchorOf('Previews and Render')).toBe('previews-and-render');
		expect(anchorOf('Aurora (talking video from an image and a voice)')).toBe(
			'aurora-talking-video-from-an-image-and-a-voice',
		);
		expect(anchorOf('`npm run bench`: the wait_benchmark')).toBe(
			'npm-run-bench-the-wait_benchmark',
		);
		expect(anchorOf('Use with AI agents and MCP')).toBe('use-with-ai-agents-and-mcp');
		expect(linksOf('[a](x.md) `[b](y.md)` ![c](d.png "title")\n```\n[e](f.md)\n```')).toEqual([
			'x.md',
			'd.png',
		]);
	});

	test("each node's Docs link opens the package's own page (its README), the credential's Creatify's", () => {
		const { name } = JSON.parse(read(join(root, 'package.json'))) as { name: string };
		for (const codex of [
			'Creatify/Creatify.node.json',
			'CreatifyTrigger/CreatifyTrigger.node.json',
		]) {
			const { resources } = JSON.parse(read(join(root, 'nodes', codex))) as {
				resources: Record<string, Array<{ url: string }>>;
			};
			expect(resources.primaryDocumentation).toEqual([
				{ url: `https://www.npmjs.com/package/${name}` },
			]);
			expect(resources.credentialDocumentation[0].url).toMatch(/^https:\/\/docs\.creatify\.ai\//);
		}
	});

	test('every relative link reaches an existing file and heading', () => {
		const broken = checkedFiles.flatMap((name) => {
			const file = join(root, name);
			return linksOf(read(file)).flatMap((target) => {
				const problem = linkProblem(file, target);
				return problem ? [`${relative(root, file)}: ${target} (${problem})`] : [];
			});
		});
		expect(broken).toEqual([]);
	});
});
