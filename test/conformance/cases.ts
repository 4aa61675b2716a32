/**
 * For each Creatify family, what the conformance suite needs to drive its paid operation: the parameters, items
 * whose jobs finish or fail at the simulator, an item refused before anything is paid, and what one item costs.
 * A family in FAMILIES without a case here fails the suite.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FamilyName } from '../../nodes/shared/families';
import { rl } from '../harness/fixture';
import { TEMPLATES } from '../simulator/adTemplate';
import { CUSTOM_TEMPLATES } from '../simulator/customTemplate';
import { PERSONAS } from '../simulator/personas';
import { VOICES } from '../simulator/urlToVideo';

export interface FamilyCase {
	/** the parameters of the paid operation making one job per item; `extra` and `options` are added */
	parameters: (extra?: INodeParameters, options?: INodeParameters) => INodeParameters;
	/** an item whose job finishes well (`n` tells items apart) */
	good: (n: number) => IDataObject;
	/** an item whose job Creatify fails */
	failing: IDataObject;
	/** an item refused before anything is sent, and the words of the refusal */
	bad: { item: IDataObject; message: RegExp };
	/** the credits one good item costs, as Check Credits First counts them */
	credits: number;
	/** the path of the paid request that creates the job */
	createPath: string;
}

const FAST_POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };

const withOptions =
	(base: INodeParameters) =>
	(extra: INodeParameters = {}, options: INodeParameters = {}): INodeParameters => ({
		...base,
		...extra,
		options: { ...FAST_POLL, ...((base.options as IDataObject) ?? {}), ...options },
	});

export const CASES: Record<FamilyName, FamilyCase> = {
	productVideo: {
		parameters: withOptions({
			resource: 'productVideo',
			operation: 'createVideo',
			productUrl: '={{ $json.url }}',
		}),
		good: (n) => ({ url: `https://shop.example.com/images/bottle-${n}.png` }),
		failing: { url: 'https://shop.example.com/images/fail-image.png' },
		bad: { item: { url: 'not a url' }, message: /Product URL "not a url" is not a valid URL/ },
		credits: 4,
		createPath: '/api/product_to_videos/gen_image/',
	},
	urlToVideo: {
		parameters: withOptions({
			resource: 'urlToVideo',
			operation: 'createFromUrl',
			url: '={{ $json.url }}',
			videoLength: 30,
			options: { name: '={{ $json.name }}' },
		}),
		good: (n) => ({ url: `https://shop.example.com/products/bottle-${n}`, name: `Ad ${n}` }),
		failing: { url: 'https://shop.example.com/products/x', name: 'fail-video' },
		bad: { item: { url: 'ftp://shop.example.com/x', name: 'x' }, message: /URL/ },
		credits: 5,
		createPath: '/api/link_to_videos/',
	},
	textToSpeech: {
		parameters: withOptions({
			resource: 'textToSpeech',
			script: '={{ $json.script }}',
			voice: rl(VOICES[1].accents[0].id),
		}),
		good: (n) => ({ script: `Voice-over number ${n}.` }),
		failing: { script: 'fail-audio please' },
		bad: { item: { script: '' }, message: /Script is empty/ },
		credits: 1,
		createPath: '/api/text_to_speech/',
	},
	aurora: {
		parameters: withOptions({
			resource: 'aurora',
			imageUrl: '={{ $json.image }}',
			audioUrl: '={{ $json.audio }}',
			audioSeconds: '={{ $json.seconds }}',
			model: 'aurora_v1',
		}),
		good: (n) => ({
			image: `https://cdn.example.com/people/presenter-${n}.png`,
			audio: 'https://cdn.example.com/voice/hello.mp3?seconds=4',
			seconds: 4,
		}),
		failing: {
			image: 'https://cdn.example.com/people/no-face.png',
			audio: 'https://cdn.example.com/voice/hello.mp3?seconds=4',
			seconds: 4,
		},
		bad: {
			item: { image: 'presenter.png', audio: 'https://cdn.example.com/a.mp3', seconds: 4 },
			message: /Image/,
		},
		credits: 4,
		createPath: '/api/aurora/',
	},
	adTemplate: {
		parameters: withOptions({
			resource: 'adTemplate',
			template: rl(TEMPLATES[0].id),
			inputFields: {
				mappingMode: 'defineBelow',
				value: { 'Product Image': '={{ $json.image }}' },
				matchingColumns: [],
				schema: [],
			},
		}),
		good: (n) => ({ image: `https://shop.example.com/ring-${n}.png` }),
		failing: { image: 'https://shop.example.com/fail-template.png' },
		bad: { item: { image: '' }, message: /Product Image/ },
		credits: TEMPLATES[0].credit_cost,
		createPath: '/api/inspiration_jobs/',
	},
	aiAvatar: {
		parameters: withOptions({
			resource: 'aiAvatar',
			operation: 'createVideo',
			script: '={{ $json.script }}',
			avatar: rl(PERSONAS[0].id),
			voice: rl(VOICES[0].accents[0].id),
		}),
		good: (n) => ({ script: `Hello from avatar video number ${n}.` }),
		failing: { script: 'This one will fail-video.' },
		bad: { item: { script: ' ' }, message: /Script is empty/ },
		credits: 5,
		createPath: '/api/lipsyncs_v2/',
	},
	customTemplate: {
		parameters: withOptions({
			resource: 'customTemplate',
			operation: 'createVideo',
			templateId: CUSTOM_TEMPLATES[0].id,
			variables: {
				variable: [
					{ name: 'product_name', kind: 'text', value: '={{ $json.product }}' },
					{ name: 'product_image', kind: 'image', value: '={{ $json.image }}' },
				],
			},
		}),
		good: (n) => ({ product: `Lamp ${n}`, image: `https://shop.example.com/lamp-${n}.png` }),
		failing: { product: 'fail-video lamp', image: 'https://shop.example.com/lamp.png' },
		bad: { item: { product: 'Lamp', image: 'lamp.png' }, message: /product_image/ },
		credits: 5,
		createPath: '/api/custom_template_jobs/',
	},
	aiAvatarV1: {
		parameters: withOptions({
			resource: 'aiAvatarV1',
			operation: 'createVideo',
			avatar: rl(PERSONAS[3].id),
			speechFrom: 'audio',
			audioUrl: '={{ $json.audio }}',
			options: { audioSeconds: '={{ $json.seconds }}' },
		}),
		good: (n) => ({ audio: `https://cdn.example.com/voice-${n}.mp3?seconds=20`, seconds: 20 }),
		failing: { audio: 'https://cdn.example.com/fail-video.mp3?seconds=20', seconds: 20 },
		bad: { item: { audio: 'voice.mp3', seconds: 20 }, message: /Audio URL/ },
		credits: 5,
		createPath: '/api/lipsyncs/',
	},
	imageAd: {
		parameters: withOptions({
			resource: 'imageAd',
			operation: 'create',
			imageUrl: '={{ $json.image }}',
		}),
		good: (n) => ({ image: `https://shop.example.com/images/lamp-${n}.png` }),
		failing: { image: 'https://shop.example.com/images/fail-image.png' },
		bad: { item: { image: 'lamp.png' }, message: /Image URL/ },
		credits: 2,
		createPath: '/api/iab_images/',
	},
	assetGenerator: {
		parameters: withOptions({
			resource: 'assetGenerator',
			operation: 'create',
			model: { __rl: true, mode: 'name', value: 'nano-banana' },
			inputMode: 'json',
			inputJson: '={{ JSON.stringify({ prompt: $json.prompt, num_images: 2 }) }}',
		}),
		good: (n) => ({ prompt: `A lamp on an oak desk, take ${n}` }),
		failing: { prompt: 'fail-prompt: a lamp' },
		bad: { item: { prompt: '' }, message: /"prompt" is required/ },
		credits: 8,
		createPath: '/api/asset_generator/',
	},
	aiScript: {
		parameters: withOptions({
			resource: 'aiScript',
			operation: 'create',
			url: '={{ $json.url }}',
			options: { scriptStyles: 'BenefitsV2' },
		}),
		good: (n) => ({ url: `https://shop.example.com/products/lamp-${n}` }),
		failing: { url: 'https://shop.example.com/products/fail-script' },
		bad: { item: { url: 'shop.example.com/lamp' }, message: /must be an http\(s\) URL/ },
		credits: 1,
		createPath: '/api/ai_scripts/',
	},
	avatar: {
		parameters: withOptions({
			resource: 'avatar',
			operation: 'create',
			creatorName: '={{ $json.name }}',
			gender: 'm',
			videoScene: 'office',
			videoUrl: '={{ $json.video }}',
		}),
		good: (n) => ({ name: `James ${n}`, video: `https://cdn.example.com/james-${n}.mp4` }),
		failing: { name: 'fail-avatar James', video: 'https://cdn.example.com/james.mp4' },
		bad: {
			item: { name: '', video: 'https://cdn.example.com/james.mp4' },
			message: /Name is empty/,
		},
		credits: 0,
		createPath: '/api/personas/',
	},
};
