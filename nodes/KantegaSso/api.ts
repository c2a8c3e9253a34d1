import { API_PREFIX, apiPath } from '../shared/http';

export const idpIdsPath = () => apiPath(API_PREFIX.kantega, 'idp', 'ids');

export const groupsPath = (idpId: string) =>
	apiPath(API_PREFIX.kantega, 'managedgroups', idpId, 'groups');

export const groupPath = (idpId: string, group: string) =>
	apiPath(API_PREFIX.kantega, 'managedgroups', idpId, 'groups', group);

/**
 * Kantega does not document the body of "replace group"; this is the one place that decides it:
 * the new name as `{"groupName": "<new name>"}` (docs/nodes/kantega-sso.md).
 */
export const replaceGroupBody = (newGroup: string) => ({ groupName: newGroup });
