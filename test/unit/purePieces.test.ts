/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import {
	apiPath,
	buildQuery,
	describeFailure,
	dotSegmentIn,
	mapConcurrent,
	retryAfterSeconds,
	retryDelayForAnswer,
	retryDelayForNetworkError,
	vendorMessage,
} from '../../nodes/shared/http';

const answer = (statusCode: number, headers: Record<string, string> = {}, body = '') => ({
	statusCode,
	headers,
	body,
});

describe('url', () => {
	test('each segment is encoded on its own', () => {
		expect(apiPath('/rest/x', 'a/b', 'c d', 42, '..', '.', '...')).toBe(
			'/rest/x/a%2Fb/c%20d/42/%2E%2E/%2E/...',
		);
	});
	test('a dot segment is found in any spelling the HTTP client or Tomcat would resolve', () => {
		expect(dotSegmentIn('/rest/x/1.0/a/b')).toBeUndefined();
		expect(dotSegmentIn('/rest/x/.../%2E%2E%2E/a.b')).toBeUndefined();
		for (const [segment, decoded] of [
			['..', '..'],
			['.', '.'],
			['%2E%2E', '..'],
			['%2e', '.'],
			['.%2E', '..'],
			['%2e.', '..'],
		]) {
			expect(dotSegmentIn(`/rest/x/${segment}/y`)).toBe(decoded);
		}
	});
	test('query strings are built, empty values left out', () => {
		expect(buildQuery({ page: 2, size: 1000, usernames: 'a,b', fields: '', x: undefined })).toBe(
			'?page=2&size=1000&usernames=a%2Cb',
		);
		expect(buildQuery({})).toBe('');
	});
});

describe('retry timing', () => {
	test('Retry-After in seconds or as an HTTP date', () => {
		expect(retryAfterSeconds('7')).toBe(7);
		expect(
			retryAfterSeconds(
				new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(),
				Date.UTC(2030, 0, 1),
			),
		).toBe(30);
		expect(retryAfterSeconds('soon')).toBeUndefined();
	});
	test('429 and 503 wait what the server asks, bounded; other statuses never retry', () => {
		expect(retryDelayForAnswer(answer(429, { 'retry-after': '2' }), 1, false)).toBe(2000);
		expect(retryDelayForAnswer(answer(503), 2, true)).toBe(2000);
		expect(retryDelayForAnswer(answer(503), 1, false)).toBeUndefined();
		expect(retryDelayForAnswer(answer(429, { 'retry-after': '3600' }), 1, true)).toBeUndefined();
		expect(retryDelayForAnswer(answer(429), 4, true)).toBeUndefined();
		for (const status of [400, 401, 403, 404, 500, 502])
			expect(retryDelayForAnswer(answer(status), 1, true)).toBeUndefined();
	});
	test('unsent requests retry for any method, broken connections only for reads', () => {
		expect(retryDelayForNetworkError('ECONNREFUSED', false, 1)).toBe(1000);
		expect(retryDelayForNetworkError('ECONNRESET', true, 1)).toBe(1000);
		expect(retryDelayForNetworkError('ECONNRESET', false, 1)).toBeUndefined();
		expect(retryDelayForNetworkError('ENOTFOUND', true, 1)).toBeUndefined();
	});
});

describe('error messages', () => {
	test('the vendor field errors are listed', () => {
		expect(
			vendorMessage(
				answer(400, {}, '{"errors":{"sso-url":["must be a URL"],"certificate":["required"]}}'),
			),
		).toBe('sso-url: must be a URL; certificate: required');
		expect(
			describeFailure(answer(400, {}, '{"errors":{"name":["taken"]}}'), 'POST', '/p')?.description,
		).toBe('The server said: name: taken');
	});
	test('Jira answering 200 with AUTHENTICATED_FAILED is an authentication failure', () => {
		const failure = describeFailure(
			answer(200, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }),
			'GET',
			'/p',
		);
		expect(failure?.authentication).toBe(true);
		expect(failure?.message).toMatch(/^Authentication failed/);
	});
	test('data is not a failure', () => {
		expect(
			describeFailure(answer(200, { 'content-type': 'application/json' }, '{}'), 'GET', '/p'),
		).toBeUndefined();
		expect(describeFailure(answer(204), 'DELETE', '/p')).toBeUndefined();
	});
});

describe('bounded concurrency', () => {
	test('never more than the limit in flight, results in input order', async () => {
		let inFlight = 0;
		let most = 0;
		const results = await mapConcurrent([5, 1, 4, 2, 3, 0, 6, 7], 3, async (n) => {
			inFlight++;
			most = Math.max(most, inFlight);
			await new Promise((resolve) => setTimeout(resolve, n * 3));
			inFlight--;
			return n * 10;
		});
		expect(results).toEqual([50, 10, 40, 20, 30, 0, 60, 70]);
		expect(most).toBe(3);
	});
	test('after a failure no new call starts', async () => {
		const started: number[] = [];
		await expect(
			mapConcurrent([0, 1, 2, 3, 4, 5], 2, async (n) => {
				started.push(n);
				if (n === 1) throw new Error('boom');
				await new Promise((resolve) => setTimeout(resolve, 5));
			}),
		).rejects.toThrow('boom');
		// 0 and 1 start together; 1 fails while 0 still runs, so neither worker takes 2.
		expect(started).toEqual([0, 1]);
	});
});

describe('every status has its own advice', () => {
	test.each([
		[403, '{"message":"You are not authorized"}', /^Forbidden/, /System Administrator/],
		[405, '', /^Method not allowed/, /does not support this operation/],
		[404, '{"message":"Connector 7 not found"}', /^Not found/, /Connector 7 not found/],
		[
			404,
			'{"message":"null for uri: http://x/rest/y","status-code":404}',
			/^Endpoint not found/,
			/installed and enabled/,
		],
		[409, '{"message":"test failed at /x"}', /^Request rejected/, /test failed at \/x/],
		[502, '<html><title>Bad Gateway</title></html>', /^Server error/, /Bad Gateway/],
	])('%i', (status, body, message, description) => {
		const failure = describeFailure(answer(status, {}, body), 'GET', '/p');
		expect(failure?.message).toMatch(message);
		expect(failure?.message).toContain(`(GET /p answered ${status})`);
		expect(failure?.description).toMatch(description);
	});
});
