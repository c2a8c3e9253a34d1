import { isolateEnvironment } from './isolatedEnvironment';

export default isolateEnvironment;
