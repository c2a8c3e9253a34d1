import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

/** What can send requests: an action node's execution, a trigger's poll, or a list search / loaded options in the editor. */
export type TransportContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;
