// The messages the study panel's page sends to the extension (and back) are untrusted: a page
// compromised by a hostile document could send anything. The parsers drop whatever is malformed or
// unknown and never throw. (The host's handling of a well-formed but hostile message, such as a
// link out of the workspace, is tested in the real host: test/integration/robustness.test.ts.)
import { strict as assert } from 'node:assert';
import { parseHostMessage, parseInitialData, parseWebviewMessage } from '../../src/shared/messages';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0; return s / 2 ** 32; };
}

const TYPES = ['ready', 'rendered', 'revealSentence', 'revealLine', 'addNote', 'openLink', 'update', 'simulate', 'constructor', '__proto__', 'toString', '', 'READY'];

function value(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * 14);
  switch (pick) {
    case 0: return undefined;
    case 1: return null;
    case 2: return Math.floor(next() * 2000) - 1000;
    case 3: return [NaN, Infinity, -Infinity, -0, 1.5, 2 ** 53, -1][Math.floor(next() * 7)];
    case 4: return ['', 'x', 'command:workbench.action.quit', '../../../etc/passwd', 'file:///etc/passwd', '\u0000', 'a'.repeat(10000)][Math.floor(next() * 7)];
    case 5: return next() < 0.5;
    case 6: return TYPES[Math.floor(next() * TYPES.length)];
    case 7: return depth > 3 ? {} : Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
    case 8: return Object.create(null) as object;
    case 9: return () => 1;
    case 10: return Symbol('s');
    case 11: return BigInt(7);
    default: {
      if (depth > 3) return {};
      const o: Record<string, unknown> = {};
      for (const key of ['type', 'serial', 'sentence', 'line', 'href', 'report', 'view', 'simulated', 'kind', 'action']) {
        if (next() < 0.6) o[key] = key === 'type' && next() < 0.8 ? TYPES[Math.floor(next() * TYPES.length)] : value(next, depth + 1);
      }
      return o;
    }
  }
}

describe('robustness: study panel messages', () => {
  it('20,000 random and malformed messages: no throw, and only well-formed ones are accepted', () => {
    const next = random(20261129);
    let accepted = 0;
    for (let k = 0; k < 20000; k++) {
      const m = value(next);
      const parsed = parseWebviewMessage(m);
      assert.doesNotThrow(() => parseHostMessage(m));
      if (!parsed) continue;
      accepted++;
      // What is accepted has exactly the shape the host expects, and nothing else.
      switch (parsed.type) {
        case 'ready': assert.ok(Number.isInteger(parsed.serial)); break;
        case 'revealSentence': case 'addNote': assert.ok(Number.isInteger(parsed.sentence)); break;
        case 'revealLine': assert.ok(Number.isInteger(parsed.line) && parsed.line >= 1); break;
        case 'openLink': assert.ok(typeof parsed.href === 'string' && parsed.href.length <= 4096); break;
        case 'rendered': assert.ok(Number.isInteger(parsed.report.serial)); break;
      }
    }
    assert.ok(accepted > 0, 'the fuzzer also produces well-formed messages');
  });

  it('drops unknown types, prototype tricks and wrong field types', () => {
    for (const m of [
      undefined, null, 0, 'ready', [], [{ type: 'ready', serial: 1 }], { type: 'unknown' }, { type: 'READY', serial: 1 },
      { type: 'ready' }, { type: 'ready', serial: '1' }, { type: 'ready', serial: 1.5 }, { type: 'revealLine', line: 0 },
      { type: 'revealLine', line: -3 }, { type: 'revealLine', line: Infinity }, { type: 'revealSentence', sentence: NaN },
      { type: 'openLink', href: 42 }, { type: 'openLink', href: 'x'.repeat(5000) }, { type: 'rendered', report: {} },
      JSON.parse('{"__proto__": {"type": "ready", "serial": 1}}'),
      { type: 'addNote', sentence: { valueOf: () => 1 } },
    ]) {
      assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m));
    }
    assert.deepEqual(parseWebviewMessage({ type: 'revealLine', line: 3, extra: '<script>' }), { type: 'revealLine', line: 3 });
  });

  it('rejects a malformed initial-data attribute', () => {
    for (const text of [undefined, '', '{', 'null', '[]', '{"view": 1}', '{"view": {"serial": 1}}', '"<script>"']) {
      assert.equal(parseInitialData(text), undefined, String(text));
    }
  });
});
