/** Kept equal to package.json's version by a test; sent in the SDK user agent. Both types share it. */
export const TYPE_VERSION = '0.1.0';
