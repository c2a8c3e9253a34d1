import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { authorizationHeader, authQueryOf } from './authorization';
import { USER_AGENT } from './constants';
import { describeFailure } from './errorMessages';
import { parseJson, type HttpAnswer } from './httpAnswer';
import { checkBaseUrl } from './baseUrl';
import { isTlsFailure } from './networkErrors';
import { failureOf, headersOf } from './send';
import { MANIFEST_PATH, PRODUCT_LABELS, productKey, type ProductKey } from './product';
import { buildQuery } from './url';

/** The cheap "who am I" call of each product: they share none (see docs/data-center-apis.md). */
const WHO_AM_I: Record<
	ProductKey,
	{ label: string; path: string; user: (answer: HttpAnswer) => string | undefined }
> = {
	jira: { label: PRODUCT_LABELS.jira, path: '/rest/api/2/myself', user: (a) => field(a, 'name') },
	confluence: {
		label: PRODUCT_LABELS.confluence,
		path: '/rest/api/user/current',
		// Confluence answers 200 with "type": "anonymous" when the credential was not accepted.
		user: (a) => (field(a, 'type') === 'known' ? field(a, 'username') : undefined),
	},
	bitbucket: {
		label: PRODUCT_LABELS.bitbucket,
		path: '/plugins/servlet/applinks/whoami',
		user: (a) => a.body.trim() || undefined,
	},
};

function field(answer: HttpAnswer, name: string): string | undefined {
	const json = parseJson(answer.body) as Record<string, unknown> | undefined;
	const value = json?.[name];
	return typeof value === 'string' && value ? value : undefined;
}

/** One GET through n8n's request helper (which applies n8n's proxy settings and outbound-request policy). */
async function getThroughN8n(
	ctx: ICredentialTestFunctions,
	credentials: ICredentialDataDecryptedObject,
	url: string,
	headers: Record<string, string>,
): Promise<HttpAnswer> {
	const response = (await ctx.helpers.request({
		method: 'GET',
		uri: url,
		headers,
		json: false,
		simple: false,
		resolveWithFullResponse: true,
		followRedirect: false,
		rejectUnauthorized: credentials.ignoreSSLIssues !== true,
	})) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
	const body =
		typeof response.body === 'string'
			? response.body
			: response.body == null
				? ''
				: JSON.stringify(response.body);
	return { statusCode: response.statusCode, headers: headersOf(response.headers), body };
}

/**
 * Both calls go through n8n's request helper (n8n's proxy variables and outbound-request policy apply); the
 * anonymous one first, so that the policy judges the instance before any credential is sent.
 */
async function get(
	ctx: ICredentialTestFunctions,
	credentials: ICredentialDataDecryptedObject,
	url: string,
	authenticated: boolean,
): Promise<HttpAnswer> {
	const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': USER_AGENT };
	if (!authenticated) return await getThroughN8n(ctx, credentials, url, headers);
	const authenticatedUrl = `${url}${buildQuery(authQueryOf(credentials))}`;
	return await getThroughN8n(ctx, credentials, authenticatedUrl, {
		...headers,
		Authorization: authorizationHeader(credentials),
	});
}

function productOf(manifest: HttpAnswer): { key: ProductKey; version: string } | undefined {
	const key = productKey(field(manifest, 'typeId'));
	return key ? { key, version: field(manifest, 'version') ?? '' } : undefined;
}

const error = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

/**
 * Finds which product answers (anonymous applinks manifest), then makes one authenticated
 * "who am I" call of that product: exactly one login attempt, so a wrong password never counts twice.
 */
export async function atlassianDataCenterApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const credentials = credential.data ?? {};
	const base = checkBaseUrl(credentials.baseUrl);
	if (!base.ok) return error(`${base.message}. ${base.description}`);
	const { baseUrl } = base;
	try {
		const manifest = await get(this, credentials, `${baseUrl}${MANIFEST_PATH}`, false);
		const product = manifest.statusCode === 200 ? productOf(manifest) : undefined;
		if (!product) {
			return error(
				`No Jira, Confluence or Bitbucket Data Center answers at ${baseUrl} (GET /rest/applinks/1.0/manifest answered ${manifest.statusCode}). Check the base URL and its context path, e.g. https://example.com/jira.`,
			);
		}
		const whoAmI = WHO_AM_I[product.key];
		const answer = await get(this, credentials, `${baseUrl}${whoAmI.path}`, true);
		const failure = describeFailure(answer, 'GET', whoAmI.path);
		if (failure) return error(`${failure.message}. ${failure.description}`);
		const user = whoAmI.user(answer);
		if (!user)
			return error(
				`${whoAmI.label} did not accept the credential: it answered as an anonymous user.`,
			);
		return { status: 'OK', message: `Connected to ${whoAmI.label} ${product.version} as ${user}` };
	} catch (cause) {
		const failure = failureOf(cause);
		const { code, message } = failure;
		if (isTlsFailure(failure)) {
			return error(
				'The TLS certificate of the instance was not accepted. For a self-signed certificate, turn on "Ignore SSL Issues".',
			);
		}
		return error(
			`Could not reach ${baseUrl}: ${code ?? message ?? 'network error'}. If n8n needs a proxy to reach it, set n8n's HTTP_PROXY / HTTPS_PROXY.`,
		);
	}
}
