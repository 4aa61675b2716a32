import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { z } from 'zod';

import { FAMILIES } from '../../shared/families';
import { ASSET_MODELS } from '../../shared/families/assetGenerator';
import type { JobPickerMethod, PickerMethod } from '../../shared/families/names';
import { jobPickerMethod } from '../../shared/families/names';
import type { JobFamily } from '../../shared/families/types';
import { avatarLabel, fileName, joinLabel, matchesFilter, text } from '../../shared/helpers/labels';
import type { CreatifyJob, Schema } from '../../shared/helpers/schemas';
import { LINKS, MUSICS, PERSONAS, TEMPLATES, VOICES } from '../../shared/helpers/listings';
import { creatifyRequest } from '../../shared/transport';
import { listPage } from '../../shared/transport/jobs';

const PAGE_SIZE = 50;

function newestFirst(jobs: CreatifyJob[]): CreatifyJob[] {
	return [...jobs].sort((a, b) =>
		String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')),
	);
}

/**
 * A family's jobs, newest first. No job family has a paginated listing in Creatify's pages (only avatars and
 * links do), so this is the one plain listing, which answers every job at once.
 */
async function jobsForPicker(
	ctx: ILoadOptionsFunctions,
	family: JobFamily,
): Promise<CreatifyJob[]> {
	const all = await creatifyRequest(ctx, {
		method: 'GET',
		path: family.path,
		schema: z.array(family.schema),
	});
	return newestFirst(all);
}

/** A picker of a family's jobs, searchable by any text field. */
function jobSearch(family: JobFamily) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const jobs = await jobsForPicker(this, family);
		return {
			results: jobs
				.filter((job) => matchesFilter(job, filter))
				.map((job) => ({ name: family.label(job), value: job.id })),
		};
	};
}

type Picker = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** Every family's job picker, named by jobPickerMethod. */
const jobPickers = Object.fromEntries(
	FAMILIES.map((family) => [jobPickerMethod(family), jobSearch(family)]),
) as Record<JobPickerMethod, Picker>;

/** One page of a paginated listing as picker results; the token is the next page's number. */
async function pickerPage<T extends { id: string }>(
	ctx: ILoadOptionsFunctions,
	listing: { pagedPath: readonly string[]; schema: Schema<T> },
	paginationToken: string | undefined,
	pick: (record: T) => { name: string; value: string } | undefined,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const size = PAGE_SIZE;
	const answer = await listPage(ctx, listing.pagedPath, listing.schema, { number: page, size });
	return {
		results: answer.results.flatMap((record) => pick(record) ?? []),
		paginationToken: answer.hasNext ? String(page + 1) : undefined,
	};
}

/** Links, newest first as Creatify pages them; each named by its page title or address. */
async function searchLinks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await pickerPage(this, LINKS, paginationToken, (link) => {
		const data = linkData(link);
		if (!matchesFilter(link, filter) && !matchesFilter(data, filter)) return undefined;
		const title = text(data.title) ?? fileName(text(link.url) ?? text(data.url));
		return { name: joinLabel([title ?? 'link', link.id.slice(0, 8)]), value: link.id };
	});
}

/** The scraped data of a link: under `link` in Creatify's records. */
function linkData(link: { id: string; link?: unknown }): { id: string } & Record<string, unknown> {
	const inner = link.link;
	return inner !== null && typeof inner === 'object'
		? { id: link.id, ...(inner as Record<string, unknown>) }
		: { id: link.id };
}

/** Every accent of every voice: the accent ID is what a video or speech request takes. */
async function searchVoices(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const voices = await creatifyRequest(this, {
		method: 'GET',
		path: VOICES.path,
		schema: z.array(VOICES.schema),
	});
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = voices.flatMap((voice) =>
		voice.accents.map((accent) => ({
			name:
				joinLabel([text(voice.name), text(accent.accent_name), text(voice.gender)]) || accent.id,
			value: accent.id,
			url: text(accent.preview_url),
		})),
	);
	return { results: results.filter((r) => r.name.toLowerCase().includes(wanted)) };
}

async function searchAvatars(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await pickerPage(this, PERSONAS, paginationToken, (persona) =>
		matchesFilter(persona, filter) ? { name: avatarLabel(persona), value: persona.id } : undefined,
	);
}

/** AI Ad Templates, each named with its kind and price; the filter matches any text field. */
async function searchAdTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const templates = await creatifyRequest(this, {
		method: 'GET',
		path: TEMPLATES.path,
		schema: z.array(TEMPLATES.schema),
	});
	const results = templates
		.filter((template) => matchesFilter(template, filter))
		.map((template) => ({
			name: joinLabel([
				text(template.name) ?? template.id,
				text(template.gen_type),
				template.credit_cost === null || template.credit_cost === undefined
					? undefined
					: `${template.credit_cost} credits`,
			]),
			value: template.id,
			url: text(template.preview_video) ?? text(template.preview_image),
		}));
	return { results };
}

/** The Asset Generator's models, searchable by name or kind; the value is the model's name. */
async function searchAssetModels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const models = await creatifyRequest(this, {
		method: 'GET',
		path: ASSET_MODELS.path,
		schema: z.array(ASSET_MODELS.schema),
	});
	const results = models
		.filter((model) => matchesFilter(model, filter))
		.map((model) => ({
			name: joinLabel([
				model.model_name,
				text(model.generation_type)?.replace(/_/g, ' '),
				typeof model.credits_per_output === 'number'
					? `${model.credits_per_output} credits per output`
					: undefined,
			]),
			value: model.model_name,
		}));
	return { results };
}

/** Tracks of Creatify's music library, page by page, searched by Creatify; the value is the track's URL. */
async function searchMusics(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const search = filter?.trim();
	const answer = await listPage(this, MUSICS.pagedPath, MUSICS.schema, {
		number: page,
		size: PAGE_SIZE,
		qs: search ? { search } : {},
	});
	const results = answer.results.flatMap((music) => {
		const url = text(music.url);
		if (!url) return [];
		return [
			{
				name: joinLabel([text(music.name) ?? fileName(url), text(music.category)]),
				value: url,
				url,
			},
		];
	});
	return { results, paginationToken: answer.hasNext ? String(page + 1) : undefined };
}

/** The node's pickers: every name a locator gives (PickerMethod) is here, and nothing else. */
export const listSearch = {
	...jobPickers,
	searchLinks,
	searchVoices,
	searchAvatars,
	searchAdTemplates,
	searchAssetModels,
	searchMusics,
} satisfies Record<PickerMethod, Picker>;
