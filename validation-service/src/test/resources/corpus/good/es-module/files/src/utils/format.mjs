import { readFile } from 'node:fs/promises';
import path from 'path';

export const root = path.resolve('.');
export default async function format(value) {
  return `${value}`;
}
export { readFile };
const config = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
export const name = JSON.parse(config).name;
