/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Loopback ports. A port found free is only a candidate: another process may take it before the
 * server that should listen on it does. The callers therefore start the server, and when it fails
 * with EADDRINUSE, or when the port turns out to be held by a process outside the server's process
 * group (`portOwnedBy`), they try again with other ports.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

/** Ports this process handed out: never handed out twice, so several instances do not collide. */
const handedOut = new Set<number>();

/** Whether nothing listens on `port` on 127.0.0.1 (we could bind it). */
export async function portFree(port: number): Promise<boolean> {
	const server = createServer();
	return await new Promise<boolean>((resolve) => {
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** A free loopback port that this process has not handed out before. */
export async function freePort(): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const server = createServer();
		const port = await new Promise<number>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
		});
		await new Promise((resolve) => server.close(resolve));
		if (!handedOut.has(port)) {
			handedOut.add(port);
			return port;
		}
	}
	throw new Error('no free loopback port found');
}

/** `preferred` when it is free (and not handed out yet), else a free port. */
export async function pickPort(preferred?: number): Promise<number> {
	if (preferred && !handedOut.has(preferred) && (await portFree(preferred))) {
		handedOut.add(preferred);
		return preferred;
	}
	return await freePort();
}

/** Gives ports back (after their server stopped). */
export function releasePorts(...ports: Array<number | undefined>): void {
	for (const port of ports) if (port) handedOut.delete(port);
}

/** Socket inodes listening on TCP `port` (IPv4 or IPv6), from /proc/net. */
function listeningInodes(port: number): Set<string> {
	const inodes = new Set<string>();
	const hex = port.toString(16).toUpperCase().padStart(4, '0');
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text = '';
		try {
			text = readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const fields = line.trim().split(/\s+/);
			// local_address is "ADDR:PORT", st 0A is LISTEN, inode is field 9
			if (fields.length > 9 && fields[1].endsWith(`:${hex}`) && fields[3] === '0A')
				inodes.add(fields[9]);
		}
	}
	return inodes;
}

/**
 * Who listens on `port`: 'group' when a process of process group `pgid` does, 'other' when only
 * processes outside it do, 'none' when nobody listens, 'unknown' without /proc (not Linux).
 */
export function portOwnedBy(port: number, pgid: number): 'group' | 'other' | 'none' | 'unknown' {
	let pids: string[];
	try {
		pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
	} catch {
		return 'unknown';
	}
	const inodes = listeningInodes(port);
	if (inodes.size === 0) return 'none';
	for (const pid of pids) {
		let stat: string;
		try {
			stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		} catch {
			continue;
		}
		// pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, read after the last ")"
		const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
		if (pgrp !== pgid) continue;
		let fds: string[];
		try {
			fds = readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			try {
				const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
				if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return 'group';
			} catch {
				// closed meanwhile
			}
		}
	}
	return 'other';
}
