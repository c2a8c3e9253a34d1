/** Core endpoints of the host product (Jira, Confluence or Bitbucket); only the chosen product's exist. */
import type { AppModule, SimRequestContext, Route, SimResponse } from '../http';
import { json, queryOne, text } from '../http';
import type { Product } from '../types';

const PRODUCTS: Record<
	Product,
	{ name: string; typeId: string; version: string; buildNumber: number; id: string }
> = {
	jira: {
		name: 'Jira Software (Simulator)',
		typeId: 'jira',
		version: '9.12.15',
		buildNumber: 9120015,
		id: '4b2a5c1e-7f3d-3a8b-9c6e-1d2f3a4b5c6d',
	},
	confluence: {
		name: 'Confluence (Simulator)',
		typeId: 'confluence',
		version: '8.5.16',
		buildNumber: 9012,
		id: '8c7d6e5f-4a3b-3c2d-1e0f-9a8b7c6d5e4f',
	},
	bitbucket: {
		name: 'Bitbucket (Simulator)',
		typeId: 'stash',
		version: '8.19.9',
		buildNumber: 8019009,
		id: 'B1C2D3E4-F5A6-B7C8-D9E0-F1A2B3C4D5E6',
	},
};

function accepts(ctx: SimRequestContext, type: string): boolean {
	const raw = ctx.headers.accept;
	return (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).includes(type);
}

function manifest(ctx: SimRequestContext): SimResponse {
	const p = PRODUCTS[ctx.state.product];
	const body = {
		id: p.id,
		name: p.name,
		typeId: p.typeId,
		version: p.version,
		buildNumber: p.buildNumber,
		applinksVersion: '9.1.5',
		inboundAuthenticationTypes: [
			'com.atlassian.applinks.api.auth.types.OAuthAuthenticationProvider',
		],
		outboundAuthenticationTypes: [
			'com.atlassian.applinks.api.auth.types.OAuthAuthenticationProvider',
		],
		publicSignup: false,
		url: ctx.baseUrl,
		iconUrl: `${ctx.baseUrl}/s/en_US/favicon.ico`,
		iconUri: `${ctx.baseUrl}/s/en_US/favicon.ico`,
	};
	if (accepts(ctx, 'json')) return json(200, body);
	const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><manifest><id>${p.id}</id><name>${p.name}</name><typeId>${p.typeId}</typeId><version>${p.version}</version><buildNumber>${p.buildNumber}</buildNumber><applinksVersion>9.1.5</applinksVersion><publicSignup>false</publicSignup><url>${ctx.baseUrl}</url></manifest>`;
	return text(200, xml, 'application/xml');
}

const ROUTES: Record<Product, Route[]> = {
	jira: [
		{
			method: 'GET',
			pattern: '/rest/api/2/myself',
			access: 'user',
			handler: (ctx) =>
				json(200, {
					self: `${ctx.baseUrl}/rest/api/2/user?username=${encodeURIComponent(ctx.user?.username ?? '')}`,
					key: ctx.user?.key,
					name: ctx.user?.username,
					emailAddress: ctx.user?.email,
					displayName: ctx.user?.displayName,
					active: true,
					timeZone: 'Europe/Berlin',
					locale: 'en_US',
				}),
		},
		{
			// Jira's user by username (Deviniti's REST API page gives it as the way to find a user key).
			method: 'GET',
			pattern: '/rest/api/2/user',
			access: 'user',
			handler: (ctx) => {
				const username = queryOne(ctx, 'username');
				const found = username
					? ctx.state.deviniti.users.find(
							(u) => u.username.toLowerCase() === username.toLowerCase(),
						)
					: undefined;
				if (!username || !found) {
					return json(404, {
						errorMessages: [`The user named '${username ?? ''}' does not exist`],
						errors: {},
					});
				}
				return json(200, {
					self: `${ctx.baseUrl}/rest/api/2/user?username=${encodeURIComponent(found.username)}`,
					key: found.userKey,
					name: found.username,
					displayName: found.username,
					active: true,
				});
			},
		},
	],
	confluence: [
		{
			method: 'GET',
			pattern: '/rest/api/user/current',
			access: 'anonymous',
			handler: (ctx) =>
				ctx.user
					? json(200, {
							type: 'known',
							username: ctx.user.username,
							userKey: `ff8080817${ctx.user.key}`,
							displayName: ctx.user.displayName,
						})
					: json(200, {
							type: 'anonymous',
							profilePicture: { path: '/images/icons/profilepics/anonymous.svg' },
							displayName: 'Anonymous',
						}),
		},
	],
	bitbucket: [
		{
			method: 'GET',
			pattern: '/plugins/servlet/applinks/whoami',
			access: 'anonymous',
			handler: (ctx) => (ctx.user ? text(200, ctx.user.username) : text(401, 'Unauthorized')),
		},
	],
};

export function productApp(product: Product): AppModule {
	return {
		prefix: '',
		forbidden: () => json(403, { message: 'You are not authorized to perform this operation.' }),
		routes: [
			{
				method: 'GET',
				pattern: '/rest/applinks/1.0/manifest',
				access: 'anonymous',
				handler: manifest,
			},
			...ROUTES[product],
		],
	};
}
