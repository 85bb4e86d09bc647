import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyProse, kindOfNoteType, sectionRoleOfHeading, type CueOptions, type ProseInput, type ProseVerdict } from '../../src/core/critique';
import { splitSentences } from '../../src/core/sentences';
import { indexDocument } from '../../src/core/indexer';
import type { SentenceKind } from '../../src/core/model';

const fixtures = path.join(__dirname, '..', 'fixtures');

// ---------------------------------------------------------------------------------------------
// Test helper, kept apart on purpose: a stand-in for the real indexer. Paragraphs are text between
// blank lines (papers start at `### ` headings, other headings are skipped); sentences come from
// splitSentences. The lead may replace it with indexDocument.

function paragraphsToInputs(markdown: string): ProseInput[] {
  const out: ProseInput[] = [];
  let block = 0;
  for (const para of markdown.split(/\n[ \t]*\n/)) {
    const body = para.split('\n').filter((l) => !/^#{1,6}\s/.test(l)).join(' ');
    if (body.trim() === '') continue;
    block++;
    for (const r of splitSentences(body)) out.push({ text: body.slice(r.start, r.end), block });
  }
  return out;
}

/** Paragraphs given as arrays of text; one block per paragraph. */
function blocks(...paragraphs: string[]): ProseInput[] {
  return paragraphs.flatMap((p, k) => splitSentences(p).map((r) => ({ text: p.slice(r.start, r.end), block: k })));
}

function kinds(verdicts: readonly ProseVerdict[]): SentenceKind[] {
  return verdicts.map((v) => v.kind);
}

function classify(paragraph: string, options?: CueOptions): ProseVerdict[] {
  return classifyProse(blocks(paragraph), options);
}

function kindOf(sentence: string, options?: CueOptions): SentenceKind {
  return classifyProse([{ text: sentence, block: 0 }], options)[0].kind;
}

// ---------------------------------------------------------------------------------------------

describe('critique: announcements and enumerations', () => {
  it('marks an announced list of weaknesses, typo and all, through the end of the block', () => {
    const v = classify('It has a clean design. However, it does have a few weeknesses. First of all, it is slow. '
      + 'The authors train for a month. Second, it needs labels. Finally, memory grows quadratically.');
    assert.deepEqual(kinds(v), ['neutral', 'weakness', 'weakness', 'weakness', 'weakness', 'weakness']);
    assert.match(v[1].cue, /weaknesses.*announcement/);
    assert.match(v[3].cue, /^carry-over from: However, it does have a few/);
  });

  it('ends the enumeration at the block end', () => {
    const v = classifyProse(blocks('The model has several drawbacks. First, it is slow.', 'It is trained on ImageNet.'));
    assert.deepEqual(kinds(v), ['weakness', 'weakness', 'neutral']);
  });

  it('ends the enumeration at a contrary cue', () => {
    assert.deepEqual(kinds(classify('It has some limitations. First, it is slow. On the other hand, it trains on one GPU. It uses Adam.')),
      ['weakness', 'weakness', 'neutral', 'neutral']);
    assert.deepEqual(kinds(classify('It has some limitations. First, it is slow. Still, the results are impressive. It uses Adam.')),
      ['weakness', 'weakness', 'strength', 'neutral']);
  });

  it('announces strengths the same way', () => {
    const v = classify('It has several strengths: it is simple and it is fast. Second, it needs no labels. It ends there.');
    assert.deepEqual(kinds(v), ['strength', 'strength', 'strength']);
    assert.match(v[0].cue, /strengths \(announcement\)/);
  });

  it('carries an announcement ending in ":" into the list items below it, when told the block types', () => {
    const input: ProseInput[] = [
      { text: 'The method has a few drawbacks:', block: 0, blockType: 'paragraph' },
      { text: 'It needs a lot of memory.', block: 1, blockType: 'list-item', indent: 0 },
      { text: 'Training takes two weeks.', block: 2, blockType: 'list-item', indent: 0 },
      { text: 'They use eight GPUs.', block: 3, blockType: 'paragraph' },
    ];
    assert.deepEqual(kinds(classifyProse(input)), ['weakness', 'weakness', 'weakness', 'neutral']);
    const nested: ProseInput[] = [
      { text: 'Using it has the following advantages:', block: 0, blockType: 'list-item', indent: 0 },
      { text: 'It is fast.', block: 1, blockType: 'list-item', indent: 2 },
      { text: 'It is small.', block: 2, blockType: 'list-item', indent: 2 },
      { text: 'They train it on COCO.', block: 3, blockType: 'list-item', indent: 0 },
    ];
    assert.deepEqual(kinds(classifyProse(nested)), ['strength', 'strength', 'strength', 'neutral']);
  });

  it('does not announce what a plural critique noun merely mentions', () => {
    assert.equal(kindOf('They list the strengths of each model in Table 2.'), 'neutral');
    assert.equal(kindOf('This paper summarizes many issues in ML safety.'), 'neutral');
  });
});

describe('critique: first-person judgements and their elaborations', () => {
  it('opens a run at a judgement that starts the paragraph and follows its elaborations', () => {
    const v = classify('I think the biggest weakness is the evaluation. It seemed they only tested on one dataset. '
      + 'Also, the baselines look old. The model has 12 layers.');
    assert.deepEqual(kinds(v), ['weakness', 'weakness', 'weakness', 'neutral']);
    assert.equal(v[0].cue, 'I think … weakness');
  });

  it('stops the run at neutral description and does not reopen it', () => {
    const v = classify('I found the method inefficient. The encoder has six layers. Also, it is trained with Adam.');
    assert.deepEqual(kinds(v), ['weakness', 'neutral', 'neutral']);
  });

  it('reads mild words as judgement only in the first person', () => {
    assert.equal(kindOf('In my opinion, the approach is too complicated.'), 'weakness');
    assert.equal(kindOf('The approach is complicated: it has four stages.'), 'neutral');
    assert.equal(kindOf('I think the idea is really promising.'), 'strength');
  });
});

describe('critique: omissions', () => {
  for (const s of [
    'One thing this paper didn\'t mention was the cost of training.',
    'The authors do not discuss the failure cases.',
    'They never compare against a simple baseline.',
    'The paper lacks an ablation study.',
    'A comparison with dropout is missing.',
    'The paper fails to explain why it works.',
    'They do not evaluate on any real data.',
  ]) {
    it(`"${s}" is a weakness`, () => assert.equal(kindOf(s), 'weakness'));
  }

  it('names the omission as the cue', () => {
    assert.equal(classify('One thing this paper didn\'t mention was the cost.')[0].cue, 'didn\'t mention');
  });

  it('leaves descriptive negations alone', () => {
    assert.equal(kindOf('The network does not use pooling layers.'), 'neutral');
    assert.equal(kindOf('Hard activation functions lack gradient, so they add noise.'), 'neutral');
  });
});

describe('critique: praise', () => {
  for (const s of [
    'It works extremely well on translation.',
    'The architecture makes it easy to fine-tune on new tasks.',
    'One benefit of this design is its speed.',
    'This solves one of my issues with the previous paper.',
    'Feature extraction worked similarly well.',
    'The results are impressive.',
    'The proof is elegant.',
    'It achieves state-of-the-art results on COCO.',
  ]) {
    it(`"${s}" is a strength`, () => assert.equal(kindOf(s), 'strength'));
  }

  it('carries praise to the elaboration that follows in the same paragraph', () => {
    const v = classify('The method works really well. Moreover, it is cheap to run. They train it on ImageNet.');
    assert.deepEqual(kinds(v), ['strength', 'strength', 'neutral']);
  });

  it('does not take a technical "advantage" or a paper that fixes others\' problems for praise', () => {
    assert.equal(kindOf('The network splits into a value stream and an advantage stream.'), 'neutral');
    assert.equal(kindOf('This overcomes the limitation of recurrent models.'), 'neutral');
  });
});

describe('critique: negation, prior work and reported claims', () => {
  it('does not count a negated or minimised critique', () => {
    assert.equal(kindOf('I don\'t think this is too large an issue.'), 'neutral');
    assert.equal(kindOf('The small dataset is not a weakness here.'), 'neutral');
    assert.equal(kindOf('It doesn\'t work well on small images.'), 'neutral');
    assert.equal(kindOf('It only works well on similar images.'), 'neutral');
  });

  it('ends a run at a sentence that concedes a point', () => {
    assert.deepEqual(kinds(classify('It has a few drawbacks. First, it is slow. I don\'t think this is a big problem, though.')),
      ['weakness', 'weakness', 'neutral']);
  });

  it('does not count critique of prior work, or the authors\' own claims', () => {
    assert.equal(kindOf('Previous methods fail to handle occlusion.'), 'neutral');
    assert.equal(kindOf('A limitation of existing approaches is their cost.'), 'neutral');
    assert.equal(kindOf('The authors argue that recurrent models have a major weakness.'), 'neutral');
    assert.equal(kindOf('It works extremely well, beating previous state-of-the-art models.'), 'strength');
  });

  it('lets the clause after "but" decide when cues disagree', () => {
    assert.equal(kindOf('The results are impressive, but the paper is hard to follow.'), 'weakness');
  });
});

describe('critique: questions and ideas', () => {
  it('marks the writer\'s questions and leaves rhetorical ones in description', () => {
    assert.equal(kindOf('I wonder whether it works on speech.'), 'question');
    assert.equal(kindOf('It is unclear whether the gains come from the extra parameters.'), 'question');
    assert.equal(kindOf('Why didn\'t the authors report the variance?'), 'question');
    assert.equal(kindOf('How truthful is the model in its output?'), 'neutral');
  });

  it('marks ideas for follow-up work', () => {
    assert.equal(kindOf('It would be interesting to try this on video.'), 'idea');
    assert.equal(kindOf('A natural extension would be to add momentum.'), 'idea');
    assert.equal(kindOf('Future work could study convergence.'), 'idea');
    assert.equal(kindOf('The idea of attention is that some words matter more.'), 'neutral');
  });

  it('reads a leading label as the sentence\'s kind', () => {
    const v = classify('Downside: the map does not show instance borders.');
    assert.deepEqual([v[0].kind, v[0].cue], ['weakness', 'Downside:']);
    assert.equal(kindOf('Open question: does it scale?'), 'question');
    assert.equal(kindOf('Results: the model reaches 76% accuracy.'), 'neutral');
  });
});

describe('critique: user cue phrases', () => {
  it('match case-insensitively as whole words and take precedence', () => {
    const options: CueOptions = { cues: { weakness: ['Sloppy'], idea: ['worth a try'], strength: ['slow'] } };
    assert.deepEqual(classify('The proofs are SLOPPY.', options).map((v) => [v.kind, v.cue]), [['weakness', 'SLOPPY (your cue)']]);
    assert.equal(kindOf('Distillation is worth a try.', options), 'idea');
    assert.equal(kindOf('It converges slowly.', options), 'neutral');
    assert.equal(kindOf('I think it is slow.', options), 'strength');
  });

  it('expand contractions like the text does', () => {
    assert.equal(kindOf('They did not release weights.', { cues: { weakness: ["didn't release"] } }), 'weakness');
  });
});

describe('critique: every verdict names its cue', () => {
  it('gives a cue for each marked sentence and none for neutral ones', () => {
    const v = classifyProse(paragraphsToInputs(fs.readFileSync(path.join(fixtures, 'paper-summaries.md'), 'utf8')));
    for (const x of v) assert.equal(x.cue === '', x.kind === 'neutral', JSON.stringify(x));
  });
});

// ---------------------------------------------------------------------------------------------
// The founding document against its gold labels.

interface GoldSentence { starts: string; kind?: SentenceKind; either?: SentenceKind[] }

describe('critique: gold labels of the founding document', () => {
  const doc = fs.readFileSync(path.join(fixtures, 'paper-summaries.md'), 'utf8');
  const gold = JSON.parse(fs.readFileSync(path.join(fixtures, 'paper-summaries.gold.json'), 'utf8')) as {
    papers: { sentences: GoldSentence[] }[];
  };
  // End to end: the real indexer finds the papers, splits the sentences and classifies them.
  const index = indexDocument(doc);
  const norm = (s: string): string => s.replace(/[*_]/g, '').toLowerCase();

  const pairs: { expected: SentenceKind; got: SentenceKind }[] = [];
  gold.papers.forEach((paper, p) => {
    for (const g of paper.sentences) {
      const found = index.sentences.find((x) => x.paper === p && norm(x.text).startsWith(norm(g.starts)));
      assert.ok(found, `gold sentence not found: ${g.starts}`);
      if (g.kind) pairs.push({ expected: g.kind, got: found.kind });
    }
  });
  const scores = (kind: SentenceKind) => {
    const tp = pairs.filter((x) => x.expected === kind && x.got === kind).length;
    const marked = pairs.filter((x) => x.got === kind).length;
    const actual = pairs.filter((x) => x.expected === kind).length;
    return { precision: marked ? tp / marked : 1, recall: actual ? tp / actual : 1, tp, marked, actual };
  };
  const weak = scores('weakness');
  const strong = scores('strength');
  const fmt = (s: ReturnType<typeof scores>): string => `P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} (${s.tp}/${s.marked} marked, ${s.actual} gold)`;

  it(`weakness ≥ 0.9 precision and recall: ${fmt(weak)}`, () => {
    assert.ok(weak.precision >= 0.9 && weak.recall >= 0.9, fmt(weak));
  });

  it(`strength ≥ 0.8 precision and recall: ${fmt(strong)}`, () => {
    assert.ok(strong.precision >= 0.8 && strong.recall >= 0.8, fmt(strong));
  });

  it('matches every definite gold label it has (confusion printed on failure)', () => {
    const wrong = pairs.filter((x) => x.expected !== x.got);
    const confusion = new Map<string, number>();
    for (const x of pairs) confusion.set(`${x.expected}→${x.got}`, (confusion.get(`${x.expected}→${x.got}`) ?? 0) + 1);
    assert.ok(wrong.length <= 2, `confusion: ${[...confusion].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Generalisation: short invented summaries, none from the founding document.

describe('critique: invented summaries', () => {
  const cases: { name: string; paragraphs: string[]; expected: SentenceKind[][] }[] = [
    {
      name: 'a review with an announced list',
      paragraphs: [
        'ResNet adds identity shortcuts so that very deep networks train. The idea is elegant and the gains are impressive.',
        'The paper has a couple of shortcomings. To start, the analysis is thin. Firstly, no ablation of depth is given. Lastly, the ImageNet numbers use ten crops.',
      ],
      expected: [['neutral', 'strength'], ['weakness', 'weakness', 'weakness', 'weakness']],
    },
    {
      name: 'a critical reader',
      paragraphs: [
        'Adam keeps running averages of the gradient and its square.',
        'My main concern is the convergence proof. The authors do not address the non-convex case. It is unclear whether the bias correction matters in practice.',
        'It would be interesting to compare it with SGD on language models.',
      ],
      expected: [['neutral'], ['weakness', 'weakness', 'question'], ['idea']],
    },
    {
      name: 'a happy reader who describes a lot',
      paragraphs: [
        'Dropout randomly zeroes activations during training. At test time the weights are scaled. It works surprisingly well on small datasets. The experiments cover vision and speech.',
        'Overall, I liked the paper. The writing is clear, and the method is easy to implement. They use a keep probability of 0.5.',
      ],
      expected: [['neutral', 'neutral', 'strength', 'neutral'], ['strength', 'strength', 'neutral']],
    },
    {
      name: 'a summary with no opinion at all',
      paragraphs: [
        'The authors propose a detector that predicts boxes in one pass. They train it on COCO for 100 epochs. Results improve by 2 points over the baseline. The issue they address is the speed of two-stage detectors.',
      ],
      expected: [['neutral', 'neutral', 'neutral', 'neutral']],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const input = c.paragraphs.flatMap((p, b) => splitSentences(p).map((r) => ({ text: p.slice(r.start, r.end), block: b })));
      const v = classifyProse(input);
      const got: SentenceKind[][] = c.paragraphs.map(() => []);
      input.forEach((x, k) => got[x.block].push(v[k].kind));
      assert.deepEqual(got, c.expected);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Real summaries that are almost all description: few marks, and they must be about the paper.

describe('critique: the aleju corpus stays mostly neutral', () => {
  const root = path.join(fixtures, 'corpora', 'aleju-papers');
  const files = ['mixed', 'neural-nets'].flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));

  /** List items and paragraphs as blocks, markers replaced by spaces; headings and code skipped. */
  function listBlocks(markdown: string): ProseInput[] {
    const out: ProseInput[] = [];
    let block = 0;
    let current: string[] = [];
    let fenced = false;
    const flush = (): void => {
      const body = current.join(' ');
      current = [];
      if (body.trim() === '') return;
      block++;
      for (const r of splitSentences(body)) out.push({ text: body.slice(r.start, r.end), block });
    };
    for (const line of markdown.split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) { fenced = !fenced; flush(); continue; }
      if (fenced || /^\s*#/.test(line) || line.trim() === '') { flush(); continue; }
      const item = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(line);
      if (item) { flush(); current.push(item[3]); } else current.push(line.trim());
    }
    flush();
    return out;
  }

  it('marks under 2% of the sentences of 99 descriptive summaries', () => {
    let total = 0;
    let marked = 0;
    for (const f of files) {
      const input = listBlocks(fs.readFileSync(f, 'utf8'));
      const v = classifyProse(input);
      total += v.length;
      marked += v.filter((x) => x.kind !== 'neutral').length;
    }
    assert.ok(total > 5000, `read ${total} sentences`);
    assert.ok(marked / total < 0.02, `${marked} of ${total} marked`);
  });
});

// ---------------------------------------------------------------------------------------------

describe('sectionRoleOfHeading', () => {
  const table: [string, string][] = [
    ['Strengths', 'strength'], ['Pros', 'strength'], ['Advantages:', 'strength'], ['What I liked', 'strength'],
    ['Positives', 'strength'], ['Weaknesses', 'weakness'], ['Cons', 'weakness'], ['2. Weaknesses', 'weakness'],
    ['Limitations', 'weakness'], ['Drawbacks', 'weakness'], ['Concerns', 'weakness'], ['Criticism', 'weakness'],
    ['Critique?', 'weakness'], ['Disadvantages', 'weakness'], ['Issues', 'weakness'], ['Weeknesses', 'weakness'],
    ['⚠️ Weaknesses', 'weakness'], ['Main weaknesses of the paper', 'weakness'], ['Limitations and Discussion', 'weakness'],
    ['Questions', 'question'], ['Open questions', 'question'], ['Ideas', 'idea'], ['Future work', 'idea'],
    ['Follow-ups', 'idea'], ['Notes', 'note'], ['Thoughts', 'note'], ['Comments', 'note'],
    ['Additional comments', 'note'], ['Key points', 'note'], ['Takeaways', 'note'], ['Summary', 'summary'],
    ['Abstract', 'summary'], ['TL;DR', 'summary'], ['Overview', 'summary'], ['Method', 'summary'], ['Results', 'summary'],
    ['Paper', 'summary'], ['Details', 'summary'], ['Main idea', 'summary'], ['References', 'references'],
    ['Bibliography', 'references'], ['Citations', 'references'], ['Contents', 'references'],
    ['Table of contents', 'references'], ['**Strengths**', 'strength'], ['Strengths and weaknesses', 'note'],
    ['Attention Is All You Need', 'other'], ['Unsolved Problems in ML Safety', 'other'],
    ['Adam: A Method for Stochastic Optimization', 'other'], ['Deep Residual Learning', 'other'], ['', 'other'],
  ];
  for (const [heading, role] of table) {
    it(`"${heading}" → ${role}`, () => assert.equal(sectionRoleOfHeading(heading), role));
  }
});

describe('kindOfNoteType', () => {
  const table: [string, string][] = [
    ['strength', 'strength'], ['Strengths', 'strength'], ['pro', 'strength'], ['PROS', 'strength'], ['weakness', 'weakness'],
    ['Weaknesses', 'weakness'], ['con', 'weakness'], ['cons', 'weakness'], ['question', 'question'], ['Questions', 'question'],
    ['idea', 'idea'], ['ideas', 'idea'], ['note', 'note'], ['TIP', 'strength'], ['WARNING', 'weakness'],
    ['CAUTION', 'weakness'], ['IMPORTANT', 'question'], ['NOTE', 'note'], ['custom', 'note'], ['constructor', 'note'],
  ];
  for (const [raw, kind] of table) {
    it(`[!${raw}] → ${kind}`, () => assert.equal(kindOfNoteType(raw), kind));
  }
});
