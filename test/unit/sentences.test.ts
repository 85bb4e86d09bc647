import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitSentences } from '../../src/core/sentences';

const fixtures = path.join(__dirname, '..', 'fixtures');

function split(text: string): string[] {
  return splitSentences(text).map((r) => text.slice(r.start, r.end));
}

/** Ranges are in order, disjoint, inside the text, trimmed and not empty. */
function assertWellFormed(text: string, ranges: ReturnType<typeof splitSentences>): void {
  let prev = 0;
  for (const r of ranges) {
    assert.ok(r.start >= prev && r.end > r.start && r.end <= text.length, `range ${r.start}-${r.end}`);
    assert.ok(!/\s/.test(text[r.start]) && !/\s/.test(text[r.end - 1]), `trimmed ${r.start}-${r.end}`);
    prev = r.end;
  }
}

describe('splitSentences: boundaries', () => {
  it('splits after . ? ! followed by space', () => {
    assert.deepEqual(split('It works. Does it? Yes! Good.'), ['It works.', 'Does it?', 'Yes!', 'Good.']);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    assert.deepEqual(
      split('They train on two things: "fill in the blank" and "what is the next word?" For the former, they mask.'),
      ['They train on two things: "fill in the blank" and "what is the next word?"', 'For the former, they mask.'],
    );
    assert.deepEqual(split('It is fast (see below.) Then it stops.'), ['It is fast (see below.)', 'Then it stops.']);
    assert.deepEqual(split('It said “done.” We agreed.'), ['It said “done.”', 'We agreed.']);
    assert.deepEqual(split('This is **bold.** Next one.'), ['This is **bold.**', 'Next one.']);
  });

  it('does not split at a ? or ! inside quotes that a lower-case word continues', () => {
    assert.deepEqual(split('"What?" he asked. "Stop!" she said twice.'), ['"What?" he asked.', '"Stop!" she said twice.']);
  });

  it('does not split at a colon, even before a capitalised question', () => {
    assert.deepEqual(
      split('Some are worrying, but being worked on: How confident is the net? How truthful is it?'),
      ['Some are worrying, but being worked on: How confident is the net?', 'How truthful is it?'],
    );
  });

  it('splits after the CJK terminators without a following space', () => {
    assert.deepEqual(split('这是第一句。这是第二句！真的吗？好'), ['这是第一句。', '这是第二句！', '真的吗？', '好']);
    assert.deepEqual(split('「本当？」と聞いた。次の文。'), ['「本当？」', 'と聞いた。', '次の文。']);
  });

  it('treats an ellipsis inside a sentence as part of it, and splits before a capital', () => {
    assert.deepEqual(split('It goes on... and on… and then stops. Wait... What?'), ['It goes on... and on… and then stops.', 'Wait...', 'What?']);
  });
});

describe('splitSentences: not a boundary', () => {
  const cases: [string, string][] = [
    ['e.g.', 'Many are small. E.g. backdoors in ML are bad, e.g. the usual kind.'],
    ['i.e.', 'They fix it, i.e. They made it work.'],
    ['et al.', 'Smith et al. (2019) show it. Jones et al. propose more.'],
    ['Fig.', 'As Fig. 3 shows, it converges.'],
    ['Eq.', 'Minimising Eq. 2 gives the update.'],
    ['vs.', 'Accuracy vs. Compute is plotted.'],
    ['cf.', 'A similar result holds, cf. Section 4.'],
    ['approx.', 'It takes approx. 5 days on one GPU.'],
    ['Dr. and Mr.', 'Dr. Smith and Mr. Jones wrote it.'],
    ['No. 5', 'Item No. 5 is the last.'],
    ['initials', 'It was proposed by J. Smith and A. B. Jones.'],
    ['decimals and percentages', 'It gets 3.5 points more (<70%) than v1.2.3 does.'],
    ['file names and URLs', 'See paper.pdf and https://a.b/c.d?x=1 for more.'],
    ['abbreviations before lower case', 'The model is approx. the same size as the prev. one.'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const got = split(text);
      const expected = name === 'e.g.' ? ['Many are small.', 'E.g. backdoors in ML are bad, e.g. the usual kind.']
        : name === 'et al.' ? ['Smith et al. (2019) show it.', 'Jones et al. propose more.']
          : [text];
      assert.deepEqual(got, expected);
    });
  }

  it('still splits after "et al." or an initial when a sentence opener follows', () => {
    assert.deepEqual(split('It was done by Smith et al. They used a CNN.'), ['It was done by Smith et al.', 'They used a CNN.']);
    assert.deepEqual(split('We call it model X. The rest follows.'), ['We call it model X.', 'The rest follows.']);
    assert.deepEqual(split('It ends at No. Then more.'), ['It ends at No.', 'Then more.']);
  });

  it('splits after a sentence-final URL or number', () => {
    assert.deepEqual(split('Code is at https://x.org/a.b. It is MIT licensed.'), ['Code is at https://x.org/a.b.', 'It is MIT licensed.']);
    assert.deepEqual(split('Top-1 accuracy is 76.5. That is good.'), ['Top-1 accuracy is 76.5.', 'That is good.']);
  });
});

describe('splitSentences: offsets', () => {
  it('returns exact, trimmed ranges into the given text', () => {
    const text = '  First one.\n   Second one?  \n';
    const ranges = splitSentences(text);
    assert.deepEqual(ranges, [{ start: 2, end: 12 }, { start: 16, end: 27 }]);
    assertWellFormed(text, ranges);
  });

  it('keeps offsets 1:1 when container markers were replaced by spaces', () => {
    const source = '> It works.\n> It is fast. Done';
    const folded = source.replace(/^> /gm, '  ').replace(/\n/g, ' ');
    const got = splitSentences(folded).map((r) => source.slice(r.start, r.end));
    assert.deepEqual(got, ['It works.', 'It is fast.', 'Done']);
  });

  it('returns nothing for blank text and one range for text with no terminator', () => {
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences(' \n\t '), []);
    assert.deepEqual(splitSentences('  a list item without a full stop  '), [{ start: 2, end: 33 }]);
  });
});

describe('splitSentences: the founding document', () => {
  const doc = fs.readFileSync(path.join(fixtures, 'paper-summaries.md'), 'utf8');
  const gold = JSON.parse(fs.readFileSync(path.join(fixtures, 'paper-summaries.gold.json'), 'utf8')) as {
    papers: { sentences: { starts: string }[] }[];
  };
  const paragraphs = doc.split(/\n[ \t]*\n/).map((p) => p.split('\n').filter((l) => !l.startsWith('#')).join(' ')).filter(Boolean);
  const sentences = paragraphs.flatMap((p) => split(p));
  const norm = (s: string): string => s.replace(/[*_]/g, '').toLowerCase();

  it('yields one sentence per gold entry, each starting where the entry starts', () => {
    const starts = gold.papers.flatMap((p) => p.sentences.map((s) => norm(s.starts)));
    assert.equal(sentences.length, starts.length);
    sentences.forEach((s, k) => assert.ok(norm(s).startsWith(starts[k]), `sentence ${k}: "${s}" should start with "${starts[k]}"`));
  });

  it('keeps the colon-question together and splits the next question off', () => {
    assert.ok(sentences.includes('Some are a little more worrying, but being worked on: How confident is the neural net in its output?'));
    assert.ok(sentences.includes('How truthful is it in its output?'));
  });
});

describe('splitSentences: large and adversarial inputs', () => {
  const size = 5_000_000;
  const inputs: [string, string][] = [
    ['dots', '.'.repeat(size)],
    ['spaced dots', '. '.repeat(size / 2)],
    ['abbreviations', 'e.g. '.repeat(size / 5)],
    ['initials', 'A. '.repeat(size / 3)],
    ['one long word', 'x'.repeat(size)],
    ['whitespace', ' '.repeat(size)],
    ['quotes and marks', '?" '.repeat(size / 3)],
    ['CJK', '好。'.repeat(size / 2)],
    ['prose', 'It works well. It is fast, e.g. 3.5 times (cf. Fig. 2)! Why? '.repeat(size / 60)],
  ];
  for (const [name, text] of inputs) {
    it(`finishes on 5 MB of ${name} with well-formed ranges`, () => {
      const ranges = splitSentences(text);
      assertWellFormed(text, ranges);
    });
  }

  it('splits the repeated prose into its sentences', () => {
    const unit = 'It works well. It is fast, e.g. 3.5 times (cf. Fig. 2)! Why? ';
    const text = unit.repeat(1000);
    assert.equal(splitSentences(text).length, 3000);
  });
});
