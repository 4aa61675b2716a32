/**
 * Every resource of the node and the router to its operations. A job family's resource is named by its family
 * (FAMILIES); the record below must hold an operations folder for each, or the node fails to compile.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FamilyName } from '../../shared/families';
import { familyNamed } from '../../shared/families';
import * as account from './account';
import * as adTemplate from './adTemplate';
import * as aiAvatar from './aiAvatar';
import * as aiAvatarV1 from './aiAvatarV1';
import * as aiScript from './aiScript';
import * as assetGenerator from './assetGenerator';
import * as aurora from './aurora';
import * as customTemplate from './customTemplate';
import * as imageAd from './imageAd';
import * as music from './music';
import * as avatar from './avatar';
import * as productVideo from './productVideo';
import * as textToSpeech from './textToSpeech';
import * as urlToVideo from './urlToVideo';
import * as voice from './voice';

type Operation = {
	execute: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;
};

interface ResourceModule {
	operations: Record<string, Operation>;
	description: INodeProperties[];
	/** the Resource option of a resource that is not a job family */
	label?: string;
}

/** Every resource with its operations; the names are the node's parameter values. */
export const resources = {
	productVideo,
	urlToVideo,
	textToSpeech,
	aurora,
	adTemplate,
	aiAvatar,
	customTemplate,
	aiAvatarV1,
	imageAd,
	assetGenerator,
	aiScript,
	voice,
	account,
	avatar,
	music,
} satisfies Record<FamilyName, ResourceModule> & Record<string, ResourceModule>;

export type ResourceName = keyof typeof resources;

/** What each resource makes, as the Resource list says it to someone choosing (every resource has one). */
const SUMMARIES: Record<ResourceName, string> = {
	productVideo: 'A product image becomes a preview image, then a short product video',
	urlToVideo: 'A product page becomes a video ad, directly or through previews in several styles',
	textToSpeech: 'A script becomes a voice-over audio file',
	aurora: 'Any portrait photo speaks an audio track',
	adTemplate: "Ad images and videos from Creatify's ready-made templates",
	aiAvatar: 'A stock or custom avatar presents your script, in one or more scenes',
	customTemplate:
		"Videos from a template you made in Creatify's app, with each row's texts and images",
	aiAvatarV1:
		'An avatar reads a script or lip-syncs your own audio; green-screen or transparent output',
	imageAd: 'One product image becomes ad banners in the standard web sizes',
	assetGenerator: 'Images, videos or audio from AI models such as Veo, Kling, Nano Banana and Flux',
	aiScript: 'Ad scripts written for a product page, ready for a video or a voice-over',
	voice: 'The voices and accents that read scripts',
	account: 'The credits left on your Creatify account',
	avatar: 'List the avatars, or create your own from a video of a person speaking',
	music: "Tracks of Creatify's music library, for background music",
};

/** The node's Resource options: a family's label from its description, the others' from their folder. */
export function resourceOptions(): Array<INodePropertyOptions & { value: ResourceName }> {
	return (Object.entries(resources) as Array<[ResourceName, ResourceModule]>)
		.map(([value, module]) => {
			const family = familyNamed(value);
			const name = family ? (family.resourceLabel ?? family.displayName) : module.label;
			return { name: name ?? value, value, description: SUMMARIES[value] };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every resource's parameters, in the order of `resources`. */
export const resourceProperties = (): INodeProperties[] =>
	Object.values(resources).flatMap((module: ResourceModule) => module.description);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operations: Record<string, Operation> | undefined = resources[resource as ResourceName]
		?.operations as Record<string, Operation> | undefined;
	const handler = operations?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}
	return [await handler.execute.call(this, items)];
}
