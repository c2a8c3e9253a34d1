/** Which Data Center product answers: its applinks manifest, readable without logging in. */
export const MANIFEST_PATH = '/rest/applinks/1.0/manifest';

export const PRODUCT_LABELS = { jira: 'Jira', confluence: 'Confluence', bitbucket: 'Bitbucket' };
export type ProductKey = keyof typeof PRODUCT_LABELS;

/** The product of a manifest's `typeId` (Bitbucket's is still "stash"); undefined for any other. */
export function productKey(typeId: string | undefined): ProductKey | undefined {
	const key = typeId === 'stash' ? 'bitbucket' : typeId;
	return key !== undefined && key in PRODUCT_LABELS ? (key as ProductKey) : undefined;
}
