/** "1 managed cluster", "3 managed clusters"; `many` for the irregular ("resources differ"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
