/**
 * Creatify's listings of things other than jobs (avatars, links, voices, AI Ad Templates): where each is read,
 * and what its records hold. Unknown fields pass through.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { Schema } from './schemas';
import { optionalText } from './schemas';

export const GENDERS = ['m', 'f', 'nb'] as const;
export const AGE_RANGES = ['child', 'teen', 'adult', 'senior'] as const;

export interface CreatifyPersona extends IDataObject {
	id: string;
}

const personaSchema = z.object({ id: z.string().min(1) }).passthrough() as Schema<CreatifyPersona>;

/**
 * Avatars (personas): the plain listing, which documents the filters gender and age_range
 * (https://docs.creatify.ai/api-reference/personas/get-apipersonas), and a paginated one, which documents only
 * page and page_size (https://docs.creatify.ai/api-reference/personas/get-apipersonas-paginated).
 */
export const PERSONAS = {
	path: ['personas'],
	pagedPath: ['personas', 'paginated'],
	schema: personaSchema,
} as const;

/** A URL to Video link: a product page's scraped title, description, images and videos. */
export interface CreatifyLink extends IDataObject {
	id: string;
}

const linkSchema = z
	.object({ id: z.string().min(1, 'the link has an empty id') })
	.passthrough() as Schema<CreatifyLink>;

/**
 * Links: https://docs.creatify.ai/api-reference/links/get-apilinks (`ids`, at most 100) and the paginated
 * listing /api/links/paginated/.
 */
export const LINKS = {
	path: ['links'],
	pagedPath: ['links', 'paginated'],
	schema: linkSchema,
} as const;

/** A voice and its accents; an accent's id is what the video and speech requests take. */
export interface CreatifyVoice extends IDataObject {
	accents: Array<{ id: string; accent_name?: string | null; preview_url?: string | null }>;
}

const voiceSchema = z
	.object({
		name: z.string().nullish(),
		gender: z.string().nullish(),
		accents: z.array(
			z
				.object({
					id: z.string().min(1),
					accent_name: z.string().nullish(),
					preview_url: z.string().nullish(),
				})
				.passthrough(),
		),
	})
	.passthrough() as Schema<CreatifyVoice>;

/** Voices: GET /api/voices/, https://docs.creatify.ai/api-documentation/text-to-speech/text-to-speech */
export const VOICES = { path: ['voices'], schema: voiceSchema } as const;

/**
 * An AI Ad Template ("inspiration"): its inputs' schema and its price per job
 * (https://docs.creatify.ai/api-reference/inspiration/get-inspiration).
 */
export interface CreatifyTemplate extends IDataObject {
	id: string;
	name?: string | null;
	credit_cost?: number | null;
	input_params_schema?: { required?: string[]; properties?: IDataObject } | null;
}

/** A JSON schema of inputs as Creatify publishes it (templates, Asset Generator models), read leniently. */
export const inputParamsSchema = z
	.object({
		required: z.array(z.string()).optional(),
		properties: z.record(z.any()).optional(),
	})
	.passthrough()
	.nullish();

const templateSchema = z
	.object({
		id: z.string().min(1),
		name: optionalText,
		gen_type: optionalText,
		credit_cost: z.number().nullish(),
		input_params_schema: inputParamsSchema,
	})
	.passthrough() as Schema<CreatifyTemplate>;

export const TEMPLATES = { path: ['inspirations'], schema: templateSchema } as const;

/** A track of Creatify's music library; its URL is what URL to Video's background_music_url takes. */
export interface CreatifyMusic extends IDataObject {
	name?: string | null;
	url?: string | null;
}

const musicSchema = z
	.object({ name: optionalText, url: optionalText, category: optionalText })
	.passthrough() as Schema<CreatifyMusic>;

/**
 * Music: GET /api/musics/ with category, search, page and page_size, answering {count, results, page,
 * page_size} (https://docs.creatify.ai/api-reference/musics/get-api-musics). The fields of a track were not
 * readable on the page: the node reads `name`, `url` and `category` and passes the rest through.
 */
export const MUSICS = { path: ['musics'], pagedPath: ['musics'], schema: musicSchema } as const;

/** Music categories: GET /api/music_categories/ answering [{name}] (…/musics/get-api-music-categories). */
export const MUSIC_CATEGORIES = {
	path: ['music_categories'],
	schema: z.object({ name: optionalText }).passthrough() as Schema<IDataObject>,
} as const;
