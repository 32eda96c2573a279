/** The verified caller on a read endpoint: one decorator for every read that depends on who asks. */
export { Viewer } from '../../auth/viewer.decorator';
