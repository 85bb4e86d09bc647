// Types of scripts/check-bundles.js, for the unit tests.

export interface BundleSpec {
  readonly file: string;
  readonly maxBytes: number;
  readonly browser: boolean;
  readonly allowedRequires: readonly string[];
}

export const BUNDLES: readonly BundleSpec[];
export function bundleProblems(bundle: BundleSpec, text: string): string[];
export function browserProblems(text: string, allowedRequires: readonly string[]): string[];
export function isMinified(text: string): boolean;
export function checkBundles(root?: string): { report: string[]; problems: string[] };
