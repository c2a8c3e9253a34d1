import { removeTemporaryUserFolder } from './isolatedEnvironment';

export default removeTemporaryUserFolder;
