import type { IDataObject } from 'n8n-workflow';

import { API_PREFIX, apiPath } from '../shared/http';

/**
 * Users asked for per page of `GET /user`. Deviniti's default is 25; large pages make a
 * 50,000-user directory a few dozen requests. The server may cap it: the paging code
 * uses the `page.pageSize` the first answer reports.
 */
export const PAGE_SIZE = 1000;

export const connectionsPath = () => apiPath(API_PREFIX.deviniti, 'connection');

/** `GET /user/{user}` (all enabled connections) or `GET /connection/{connection}/user/{user}`. */
export const userPath = (user: string, connection?: string) =>
	connection
		? apiPath(API_PREFIX.deviniti, 'connection', connection, 'user', user)
		: apiPath(API_PREFIX.deviniti, 'user', user);

export const fieldPath = (connection: string, user: string, field: string) =>
	apiPath(API_PREFIX.deviniti, 'connection', connection, 'user', user, 'field', field);

/** The paged list: `GET /user`, or `GET /connection/{connection}/user`. */
export const usersPath = (connection?: string) =>
	connection
		? apiPath(API_PREFIX.deviniti, 'connection', connection, 'user')
		: apiPath(API_PREFIX.deviniti, 'user');

export const updatePath = () => apiPath(API_PREFIX.deviniti, 'update');

/** One user's entry of `PUT /update`: each field a one-key object (Deviniti's REST API page). */
export interface UserData {
	userKey: string;
	fields: Array<Record<string, string>>;
}

export interface ConnectionChange {
	name?: string;
	userDn?: string;
}

/**
 * The two bodies of `PUT /update` (Deviniti's REST API page for the app), the only place they are
 * built. `connectionId` is sent as a string, as in that page's example.
 */
export const connectionUpdateBody = (
	connectionId: string,
	change: ConnectionChange,
): IDataObject => ({
	connectionId,
	update: [{ connection: [{ ...change }] }],
});

export const userUpdateBody = (connectionId: string, data: UserData[]): IDataObject => ({
	connectionId,
	update: [
		{ data: data.map((d) => ({ userKey: d.userKey, fields: d.fields.map((f) => ({ ...f })) })) },
	],
});

/** The envelope of the paged lists. */
export interface UsersPage {
	elements: AdUser[];
	page: { current: number; pageSize: number; totalPages: number; totalElements: number };
}

export interface AdUser extends IDataObject {
	username: string;
	configurationName: string;
	fields: IDataObject;
}
