/** Node parameters that tests and the benchmarks (bench/) both use. */
import type { INodeParameters } from 'n8n-workflow';

/** resolution's connector syncUser: one user (a name, or an expression such as `={{ $json.username }}`). */
export const syncUser = (username: string, connectorId = '1'): INodeParameters => ({
	resource: 'connector',
	operation: 'syncUser',
	connectorId,
	username,
});

/**
 * AD Attributes Sync's user.update in connection 2 with Combine Items: each item's user key from `$json.key`,
 * the fields given (fixed names, values fixed or from the item).
 */
export const adUserUpdate = (field: Array<{ name: string; value: string }>): INodeParameters => ({
	resource: 'user',
	operation: 'update',
	connectionId: '2',
	userKey: '={{ $json.key }}',
	fields: { field },
	options: { combineItems: true },
});

/** AD Attributes Sync's user.getAll: every user (Return All), or the first `limit`. */
export const adUsersGetAll = (limit?: number): INodeParameters =>
	limit === undefined
		? { resource: 'user', operation: 'getAll', returnAll: true }
		: { resource: 'user', operation: 'getAll', returnAll: false, limit };
