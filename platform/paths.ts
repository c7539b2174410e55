import path from 'node:path';

/** The repository root, whether running compiled (dist/…) or from source in tests. */
export const PROJECT_ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../..' : '..');
