/**
 * The credential's Base URL, checked before anything is sent: `http(s)://host[:port][/context-path]`,
 * trailing slashes ignored. A query, a fragment or `user:password@` would end up inside every request's
 * URL (`https://jira/?os_authType=basic` + `/rest/…`), so each is refused with the part to remove;
 * the refusal never repeats a password or a query's values.
 */
export type BaseUrlCheck =
	| { ok: true; baseUrl: string }
	| { ok: false; message: string; description: string };

const EXAMPLE =
	'for example https://jira.example.com or, with a context path, https://example.com/jira';

function refused(message: string, description: string): BaseUrlCheck {
	return { ok: false, message, description };
}

export function checkBaseUrl(raw: unknown): BaseUrlCheck {
	const text = String(raw ?? '').trim();
	if (!/^https?:\/\/[^/?#\s]/i.test(text)) {
		return refused(
			'The Base URL must start with https:// or http://',
			`Set the credential's Base URL to the instance's address, ${EXAMPLE}.`,
		);
	}
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return refused(
			'The Base URL is not a valid URL',
			`Set the credential's Base URL to the instance's address, ${EXAMPLE}.`,
		);
	}
	if (url.username || url.password || /^https?:\/\/[^/?#]*@/i.test(text)) {
		return refused(
			'The Base URL contains a user name or password (user:password@): remove it',
			`Put the user and password or token in the credential's own fields instead; they are sent in the Authorization header. Base URL without them: ${plain(url)}.`,
		);
	}
	if (text.includes('?')) {
		const names = [...url.searchParams.keys()];
		const basic = url.searchParams.get('os_authType') === 'basic';
		return refused(
			`The Base URL contains a query (${names.length ? names.map((name) => `${name}=…`).join('&') : '?'}): remove it`,
			basic
				? 'To send os_authType=basic with every request (Basic auth past an SSO redirect), turn on the credential\'s "Add os_authType=basic" instead.'
				: `A query in the Base URL would end up inside every request's path. Use ${EXAMPLE}.`,
		);
	}
	if (text.includes('#')) {
		return refused(
			'The Base URL contains a fragment (#…): remove it and everything after it',
			`Use ${EXAMPLE}.`,
		);
	}
	return { ok: true, baseUrl: plain(url) };
}

/** Scheme, host, port and context path, without trailing slashes. */
function plain(url: URL): string {
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
