/** Matches a request path against the installed apps' routes. Path params are decoded exactly once. */
import { authconfigApp } from './apps/authconfig';
import { devinitiApp } from './apps/deviniti';
import { kantegaApp } from './apps/kantega';
import { productApp } from './apps/product';
import { resolutionApp } from './apps/resolution';
import type { AppModule, Route } from './http';
import type { AppName, Product } from './types';

const APPS: Record<AppName, AppModule> = {
	resolution: resolutionApp,
	deviniti: devinitiApp,
	kantega: kantegaApp,
	authconfig: authconfigApp,
};

export type RouteMatch =
	| { kind: 'found'; app: AppModule; route: Route; params: Record<string, string> }
	| { kind: 'methodNotAllowed'; allowed: string[] }
	| { kind: 'notFound' }
	| { kind: 'badEncoding' };

function split(path: string): string[] {
	const parts = path.split('/').slice(1);
	if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
	return parts;
}

export function matchRoute(
	encodedPath: string,
	method: string,
	product: Product,
	installed: AppName[],
): RouteMatch {
	let segments: string[];
	try {
		segments = split(encodedPath).map((s) => decodeURIComponent(s));
	} catch {
		return { kind: 'badEncoding' };
	}
	const apps = [...installed.map((name) => APPS[name]), productApp(product)];
	const allowed: string[] = [];
	for (const app of apps) {
		for (const route of app.routes) {
			const pattern = split(app.prefix + route.pattern);
			if (pattern.length !== segments.length) continue;
			const params: Record<string, string> = {};
			const ok = pattern.every((p, i) => {
				if (p.startsWith(':')) {
					params[p.slice(1)] = segments[i];
					return true;
				}
				return p === segments[i];
			});
			if (!ok) continue;
			if (route.method === method) return { kind: 'found', app, route, params };
			allowed.push(route.method);
		}
	}
	return allowed.length ? { kind: 'methodNotAllowed', allowed } : { kind: 'notFound' };
}
