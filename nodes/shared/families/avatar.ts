/**
 * Custom avatars (Creatify's "bring your own avatar"): a video of a person speaking becomes an avatar of the
 * account, after Creatify processes and reviews it.
 * Guide: https://docs.creatify.ai/api-documentation/custom-avatar/byoa (POST /api/personas_v2/ uploads the MP4 as
 * multipart; POST /api/personas/ takes public URLs; "It may take up to 1 ~ 2 days to create a custom avatar";
 * "use GET /api/personas/{id}/ to check the approval status"; video/mp4 or video/quicktime).
 * Create: https://docs.creatify.ai/api-reference/personas/post-apipersonas-v2 and .../post-apipersonas
 * (creator_name <= 255 and gender m|f|nb required; video_scene, keywords <= 255; labels; webhook_url <= 200,
 * "when the creator is created, we will send a webhook to the url"). The record's progress is `process_status`:
 * pending, processing, voice_creating, video_validating, crop_and_matte, reviewing, done, failed, rejected; the
 * node reads it as the record's status. Not charged: "Custom avatar creation is not charged using credits"
 * (https://creatify.mintlify.app/faq). Neither the callback body nor an `ids` filter on GET /api/personas/ is
 * documented: the trigger reads each callback's avatar back, and waiting asks the list with `ids` as for jobs.
 */
import { avatarLabel } from '../helpers/labels';
import type { CreatifyJob, Schema } from '../helpers/schemas';
import { jobSchema } from '../helpers/schemas';
import type { JobFamily } from './types';

export const AVATAR_FIELD_MAX = 255;

/** The record, its `process_status` read as its status. */
const customAvatarSchema = jobSchema(['process_status', 'creator_name']).transform((avatar) => ({
	...avatar,
	status: avatar.process_status ?? avatar.status,
})) as Schema<CreatifyJob>;

export const avatar: JobFamily<'avatar'> = {
	name: 'avatar',
	displayName: 'Custom Avatar',
	resourceLabel: 'Avatar',
	aliases: ['custom avatar', 'own avatar', 'persona'],
	noun: 'Avatar',
	path: ['personas'],
	schema: customAvatarSchema,
	steps: [
		{
			name: 'avatar',
			working: [
				'pending',
				'processing',
				'voice_creating',
				'video_validating',
				'crop_and_matte',
				'reviewing',
			],
			done: ['done'],
			cost: {
				credits: () => 0,
				free: true,
				text: 'no credits (Creatify does not charge for custom avatars; your plan caps how many you can have)',
			},
			event: {
				name: 'Avatar Ready',
				value: 'avatarReady',
				description:
					'A custom avatar is processed: its record says whether it is active (approved)',
			},
		},
	],
	failed: ['failed', 'rejected'],
	// a callback body may carry process_status only
	statusOf: (record) => record.process_status ?? record.status,
	recordFields: ['creator_name', 'process_status', 'lipsync_input', 'consent_video'],
	files: [],
	label: (record) => avatarLabel(record),
	failureAdvice:
		'Check the video: an MP4 or MOV of the person speaking plainly, facing the camera, that Creatify can read.',
};
