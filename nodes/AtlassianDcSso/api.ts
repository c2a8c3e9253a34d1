import { API_PREFIX, apiPath } from '../shared/http';

/** Paths of SSO for Atlassian Data Center (`/rest/authconfig/1.0`, Atlassian's REST API docs). */
export const loginOptionsPath = () => apiPath(API_PREFIX.atlassianSso, 'login-options');

export const idpsPath = () => apiPath(API_PREFIX.atlassianSso, 'idps');

export const idpPath = (idpId: string) => apiPath(API_PREFIX.atlassianSso, 'idps', idpId);

export const ssoPath = () => apiPath(API_PREFIX.atlassianSso, 'sso');

/** Page size asked of GET /idps when all are wanted (the app's own default is smaller). */
export const IDP_PAGE_SIZE = 50;

/** What a dry run shows in place of the OIDC client secret. */
export { HIDDEN as HIDDEN_SECRET } from '../shared/json';
