// A fresh nonce for the study panel's script: 128 random bits from the Web Crypto API (available
// in Node and in browsers, so the web extension can use it too).
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
