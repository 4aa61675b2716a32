/** The names the node derives from a family: its ID parameters and its job picker. */
import type { FamilyName } from './index';
import type { JobFamily } from './types';

/** 'Task' → 'task', 'Voice-Over' → 'voiceOver', 'Aurora Video' → 'auroraVideo' */
function camelNoun(family: JobFamily): string {
	const noun = family.noun.toLowerCase();
	return noun.replace(/[- ](.)/g, (_, c: string) => c.toUpperCase());
}

/** The parameter holding one job's ID (taskId, videoId, voiceOverId, …): users' workflows keep it. */
export const jobIdParameter = (family: JobFamily): string => `${camelNoun(family)}Id`;

/** Get Many's parameter holding job IDs (taskIds, videoIds, …). */
export const jobIdsParameter = (family: JobFamily): string => `${camelNoun(family)}Ids`;

/** The listSearch method that lists a family's jobs, e.g. searchProductVideoJobs. */
export type JobPickerMethod = `search${Capitalize<FamilyName>}Jobs`;

export const jobPickerMethod = (family: JobFamily<FamilyName>): JobPickerMethod =>
	`search${family.name.charAt(0).toUpperCase()}${family.name.slice(1)}Jobs` as JobPickerMethod;

/** Every picker method of the node: a locator naming one that does not exist fails to compile. */
export type PickerMethod =
	| JobPickerMethod
	| 'searchLinks'
	| 'searchVoices'
	| 'searchAvatars'
	| 'searchAdTemplates'
	| 'searchAssetModels'
	| 'searchMusics';
