/**
 * One job of each Creatify family, created straight through the simulator's API with a webhook URL, as another
 * client (or another workflow) would: for checks that need genuine callbacks of every family.
 */
import { TEMPLATES } from './adTemplate';
import { CUSTOM_TEMPLATES } from './customTemplate';
import { PERSONAS } from './personas';
import type { CreatifySimulator } from './server';
import { VOICES } from './urlToVideo';

type Body = Record<string, unknown>;

async function call(sim: CreatifySimulator, path: string, body: Body): Promise<Body> {
	const response = await fetch(`${sim.url}/api/${path}`, {
		method: 'POST',
		headers: { 'x-api-id': sim.apiId, 'x-api-key': sim.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const answer = (await response.json()) as Body;
	if (!response.ok)
		throw new Error(`POST /api/${path} → ${response.status} ${JSON.stringify(answer)}`);
	return answer;
}

/** The request that creates a job of each family (the key is the family's resource value), finishing well. */
const CREATE: Record<string, (sim: CreatifySimulator, webhook_url: string) => Promise<Body>> = {
	productVideo: (sim, webhook_url) =>
		call(sim, 'product_to_videos/gen_image/', {
			product_url: 'https://shop.example.com/images/lasting.png',
			aspect_ratio: '9x16',
			webhook_url,
		}),
	urlToVideo: async (sim, webhook_url) => {
		const link = await call(sim, 'links/', { url: 'https://shop.example.com/products/lasting' });
		return call(sim, 'link_to_videos/', { link: link.id, video_length: 15, webhook_url });
	},
	textToSpeech: (sim, webhook_url) =>
		call(sim, 'text_to_speech/', {
			script: 'A voice-over that lasts.',
			accent: VOICES[0].accents[0].id,
			webhook_url,
		}),
	aurora: (sim, webhook_url) =>
		call(sim, 'aurora/', {
			image: 'https://cdn.example.com/face.png',
			audio: 'https://cdn.example.com/voice.mp3?seconds=4',
			model_version: 'aurora_v1_fast',
			webhook_url,
		}),
	adTemplate: (sim, webhook_url) =>
		call(sim, 'inspiration_jobs/', {
			inspiration_id: TEMPLATES[0].id,
			input_params: { 'Product Image': 'https://shop.example.com/images/ring.png' },
			webhook_url,
		}),
	aiAvatar: (sim, webhook_url) =>
		call(sim, 'lipsyncs_v2/', {
			video_inputs: [
				{
					character: { type: 'avatar', avatar_id: PERSONAS[0].id },
					voice: {
						type: 'text',
						input_text: 'An avatar video that lasts.',
						voice_id: VOICES[0].accents[0].id,
					},
				},
			],
			webhook_url,
		}),
	customTemplate: (sim, webhook_url) =>
		call(sim, 'custom_template_jobs/', {
			template_id: CUSTOM_TEMPLATES[0].id,
			variables: { product_name: { type: 'text', properties: { content: 'A lasting lamp' } } },
			webhook_url,
		}),
	aiAvatarV1: (sim, webhook_url) =>
		call(sim, 'lipsyncs/', {
			creator: PERSONAS[0].id,
			aspect_ratio: '9x16',
			text: 'A lipsync that lasts.',
			webhook_url,
		}),
	imageAd: (sim, webhook_url) =>
		call(sim, 'iab_images/', { image: 'https://shop.example.com/images/lasting.png', webhook_url }),
	assetGenerator: (sim, webhook_url) =>
		call(sim, 'asset_generator/', {
			model_name: 'nano-banana',
			input_params: { prompt: 'A lasting lamp on an oak desk' },
			webhook_url,
		}),
	aiScript: (sim, webhook_url) =>
		call(sim, 'ai_scripts/', {
			link: sim.urlToVideo.seedLink('https://shop.example.com/products/lasting').id,
			webhook_url,
		}),
	avatar: (sim, webhook_url) =>
		call(sim, 'personas/', {
			creator_name: 'Lasting James',
			gender: 'm',
			video_scene: 'office',
			lipsync_input: 'https://cdn.example.com/james.mp4',
			webhook_url,
		}),
};

/** Creates a job of `family` whose callbacks go to `webhookUrl`; returns its ID. */
export async function createJob(
	sim: CreatifySimulator,
	family: string,
	webhookUrl: string,
): Promise<string> {
	const create = CREATE[family];
	if (!create) throw new Error(`no job request for the family "${family}": add one to CREATE`);
	return String((await create(sim, webhookUrl)).id);
}
