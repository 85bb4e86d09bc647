// Fills `{0}`, `{1}`, … in a localised text.
export function format(text: string, ...args: string[]): string {
  return text.replace(/\{(\d+)\}/g, (whole, n: string) => args[Number(n)] ?? whole);
}
