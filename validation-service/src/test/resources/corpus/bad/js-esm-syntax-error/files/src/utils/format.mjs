export function format(value) {
  return `${value}`;
export const nothing = null;
