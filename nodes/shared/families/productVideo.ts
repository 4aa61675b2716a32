/**
 * Product Video (Creatify's "Product to Video" API): a product image becomes a task with a preview image
 * (gen_image), then a video of that image (gen_video).
 * Overview and flow: https://docs.creatify.ai/api-documentation/product-to-video/product-to-video
 * Get one: https://docs.creatify.ai/api-reference/product_to_video/get-apiproduct_to_videos-
 * List (only `ids`, at most 100; no paginated variant, so a listing of all tasks is one call):
 * https://docs.creatify.ai/api-reference/product_to_video/get-apiproduct_to_videos
 */
import { fileName, joinLabel, text } from '../helpers/labels';
import { jobSchema } from '../helpers/schemas';
import type { JobFamily } from './types';
import { fixedCost } from './types';

export const PRODUCT_TYPES = ['product_anyshot', 'product_avatar'] as const;
export const ASPECT_RATIOS = ['9x16', '16x9', '1x1'] as const;
/** gen_video's motion_style, "one of: talking, display, or blank" in Creatify's documentation. */
export const MOTION_STYLES = ['talking', 'display', ''] as const;
/**
 * regen_video "costs 1 credit" (https://creatify.mintlify.app/api-reference/product_to_video/post-apiproduct_to_videos-regen_video);
 * gen_video costs 3. A plan regenerating a video says so with the cost fact `regenerate`.
 */
export const REGENERATE_VIDEO_CREDITS = 1;
export const GENERATE_VIDEO_CREDITS = 3;

export const productVideo: JobFamily<'productVideo'> = {
	name: 'productVideo',
	displayName: 'Product Video',
	aliases: ['product video', 'video ad'],
	noun: 'Task',
	path: ['product_to_videos'],
	schema: jobSchema(['type', 'product_url', 'generated_photo_url', 'generated_video_url']),
	steps: [
		{
			name: 'image',
			working: ['initializing', 'image_generating'],
			done: ['image_generated'],
			cost: fixedCost(1),
			event: {
				name: 'Preview Image Ready',
				value: 'imageReady',
				description: 'Generate Image or Regenerate Image finished',
			},
		},
		{
			name: 'video',
			working: ['video_generating'],
			done: ['video_generated'],
			cost: {
				credits: (body) => (body.regenerate ? REGENERATE_VIDEO_CREDITS : GENERATE_VIDEO_CREDITS),
				text: fixedCost(GENERATE_VIDEO_CREDITS).text,
			},
			event: {
				name: 'Video Ready',
				value: 'videoReady',
				description: 'Generate Video or Regenerate Video finished; generated_video_url is set',
			},
		},
	],
	failed: ['failed'],
	followUp: {
		after: 'image',
		starts: 'video',
		path: (taskId) => ['product_to_videos', taskId, 'gen_video'],
	},
	files: [
		{
			value: 'video',
			name: 'Video',
			field: 'generated_video_url',
			fileNameSuffix: '.mp4',
			mimeType: 'video/mp4',
			binarySuffix: '',
		},
		{
			value: 'image',
			name: 'Preview Image',
			field: 'generated_photo_url',
			fileNameSuffix: '-preview.png',
			mimeType: 'image/png',
			binarySuffix: '_preview',
		},
	],
	kind: {
		field: 'type',
		parameter: { name: 'productTypes', displayName: 'Product Types' },
		options: [
			{
				name: 'Product Only',
				value: 'product_anyshot',
				description: 'The product in a generated scene',
			},
			{
				name: 'Product With Avatar',
				value: 'product_avatar',
				description: 'An avatar presents the product',
			},
		],
	},
	label: (task) =>
		joinLabel([
			fileName(text(task.product_url)) ?? 'task',
			text(task.status) ?? 'unknown status',
			text(task.created_at)?.slice(0, 16).replace('T', ' '),
			task.id.slice(0, 8),
		]),
	failureAdvice: 'Check the product image (a clear, direct image link) and the prompts.',
};
