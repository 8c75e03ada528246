/**
 * What the address bar needs beyond the first paint, in one lazily loaded chunk: the share-link codec (fflate and
 * its dictionary) and the translation of its errors and warnings into notices.
 */
export { encodeLink, decodeLink, MAX_LINK_LENGTH } from '../../scenario/link';
export { warningLines, linkErrorKey } from './link-notices';
