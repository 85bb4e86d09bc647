// Hostile Markdown from a vault cloned from someone else: raw HTML, dangerous link schemes (plain,
// mixed-case, entity-encoded, autolinks), quote break-outs, and `"><script>` in every name the
// extension shows. Nothing that runs may reach the study panel's HTML, the preview plugin's output on
// an instance with raw HTML on (as VS Code's preview may have), or the HTML export.
import { strict as assert } from 'node:assert';
import markdownIt from 'markdown-it';
import { Isolated } from './isolated';
import { unsafeParts } from './safeHtml';

const RAW_HTML = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="x" ONERROR="alert(1)"/>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<style>@import "https://evil.example/x.css"; body { display: none }</style>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<div onclick="alert(1)">y</div>',
  '<details open ontoggle=alert(1)><summary>s</summary></details>',
  '<p style="background:url(javascript:alert(1))">p</p>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href=" &#106;avascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
  '<a href="file:///etc/passwd">x</a>',
  '<a href="command:workbench.action.terminal.new">x</a>',
  '<a href="vscode:extension/evil.ext">x</a>',
  '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
  '<img srcset="https://ok.example/a.png 1x, javascript:alert(1) 2x">',
  '<!--><script>alert(1)</script>-->',
  '<!-- unclosed <script>alert(1)</script>',
];

const LINKS = [
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6a;avascript&#x3a;alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](<java\tscript:alert(1)>)',
  '[x](%6Aavascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](VBSCRIPT:msgbox(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '[x](data:text/html;base64,PHNjcmlwdD4=)',
  '[x](DATA:text/html,x)',
  '[x](file:///etc/passwd)',
  '[x](FILE://host/share)',
  '[x](command:workbench.action.terminal.new)',
  '[x](command:_workbench.downloadResource?%5B%22x%22%5D)',
  '[x](vscode:extension/evil.ext)',
  '[x](vscode://file/etc/passwd)',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '[x][ref2]\n\n[ref2]: <command:workbench.action.quit> "t"',
  '<javascript:alert(1)>',
  '<JAVASCRIPT:alert(1)>',
  '<vbscript:msgbox(1)>',
  '<file:///etc/passwd>',
  '<command:workbench.action.quit>',
  '<vscode:extension/evil.ext>',
  '![y](javascript:alert(1))',
  '![y](data:text/html,x)',
  '![y](data:image/svg+xml;base64,PHN2Zz4=)',
  '![y](file:///etc/passwd)',
  '![y](command:x)',
];

/** Not valid HTML or link syntax: markdown-it shows them as text even with no defences. */
const MALFORMED = [
  '<img src="x" alt="a"onerror="alert(1)">',
  '<a title="x" y" onclick=z>q</a>',
  '<img src=x onerror=alert(1)//',
  '[x](\u0001javascript:alert(1))',
  '[x](java\nscript:alert(1))',
];

const BREAK_OUTS = [
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '[x](https://ok.example \'t" onmouseover="alert(1)\')',
  '[x](https://ok.example (t" onmouseover="alert(1)))',
  '![alt" onerror="alert(1)](https://ok.example/a.png)',
  '![a](https://ok.example/a.png "t\' onerror=\'alert(1)")',
  '<https://ok.example/"onmouseover="alert(1)>',
  '[x](https://ok.example/"><script>alert(1)</script>)',
];

function doc(attack: string): string {
  return [
    '# Paper: A Safe Study', '', `This is a weakness of the paper. ${attack}`, '', attack, '',
    `- I think it is inefficient. ${attack}`, '', `> [!weakness] ${attack}`, `> ${attack}`, '',
    '## Weaknesses', '', `It does not scale ${attack}.`, '',
  ].join('\n');
}

/** What a renderer with no defences would make of it: proves each attack is real, and that the
 *  checker sees it. */
function naive(text: string): string[] {
  const md = markdownIt({ html: true, linkify: true });
  md.validateLink = () => true;
  return unsafeParts(md.render(text));
}

describe('robustness: hostile HTML, links and quote break-outs', function () {
  this.timeout(10000);
  const run = new Isolated();
  afterEach(() => run.reset());
  after(() => run.close());

  for (const [group, attacks] of [['raw HTML', RAW_HTML], ['link', LINKS], ['malformed', MALFORMED], ['quote break-out', BREAK_OUTS]] as const) {
    for (const attack of attacks) {
      it(`${group}: ${JSON.stringify(attack).slice(1, 70)}`, async () => {
        const text = doc(attack);
        if (group === 'raw HTML' || group === 'link') assert.notDeepEqual(naive(text), [], 'the attack is real');
        const r = await run.run('surfaces', { text });
        assert.deepEqual(r.unsafe, { panel: [], preview: [], export: [] });
        assert.equal(r.index.papers[0]?.title, 'Paper: A Safe Study');
      });
    }
  }

  it('keeps harmless raw HTML working in the preview (an allow-list, not a wipe-out)', async () => {
    const text = '# Paper: Layout\n\n<p align="center"><img src="https://ok.example/logo.png" width="120" alt="logo"></p>\n\n'
      + '<details><summary>More</summary>\n\nHidden <kbd>Ctrl</kbd> and H<sub>2</sub>O.\n\n</details>\n\n[ok](https://ok.example) [rel](notes/a.md) [top](#top)\n';
    const r = await run.run('surfaces', { text, keep: true });
    const preview = r.html!.preview;
    assert.match(preview, /<p align="center"><img src="https:\/\/ok.example\/logo.png" width="120" alt="logo"><\/p>/);
    assert.match(preview, /<details><summary>More<\/summary>/);
    assert.match(preview, /<kbd>Ctrl<\/kbd> and H<sub>2<\/sub>O/);
    assert.match(preview, /<a href="https:\/\/ok.example"[^>]*>ok<\/a> <a href="notes\/a.md">rel<\/a> <a href="#top">top<\/a>/);
    assert.deepEqual(r.unsafe, { panel: [], preview: [], export: [] });
  });

  it('shows a refused tag as text rather than dropping it', async () => {
    const r = await run.run('surfaces', { text: '# Paper: Text\n\nBefore <script>alert(1)</script> after.\n', keep: true });
    assert.match(r.html!.preview, /Before &lt;script&gt;alert\(1\)&lt;\/script&gt; after\./);
    assert.match(r.html!.panel, /Before &lt;script&gt;alert\(1\)&lt;\/script&gt; after\./);
  });

  it('`"><script>` in paper titles, note titles and kinds, tags, front matter and the file name', async () => {
    const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const text = [
      '---', `title: '${evil.replace(/'/g, "''")}'`, `tags: ['${evil.replace(/'/g, "''")}', "a\\"><svg onload=alert(3)>"]`,
      `authors: "${evil.replace(/"/g, '\\"')}"`, '---', '', `# ${evil}`, '', 'This is a weakness of the paper.', '',
      `> [!weakness] ${evil}`, `> ${evil}`, `> > This is a weakness of the paper.`, '', `> [!${evil.replace(/[\]\s]/g, '')}] ${evil}`, '',
    ].join('\n');
    const fileName = `${evil}.md`;
    const r = await run.run('surfaces', { text, fileName, keep: true });
    assert.deepEqual(r.unsafe, { panel: [], preview: [], export: [] });
    // Titles and tags are plain text (tags removed, the rest kept); names are escaped where shown.
    assert.equal(r.index.papers[0].title, '">alert(1)');
    assert.deepEqual(r.index.papers[0].meta.tags, ['">alert(1)', 'a">']);
    assert.match(r.html!.export, /<title>&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(r.html!.export, /<p class="ps-source">&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.deepEqual(r.index.notes.map((n) => n.title), [evil, evil]);
    assert.match(r.html!.panel, /<span class="ps-callout-title-text">&quot;&gt;&lt;script&gt;/);
  });

  it('a file name cannot break out of the digest links of Markdown exports', async () => {
    const fileName = 'x"><script>alert(1)</script>](javascript:alert(1)) <img src=x onerror=alert(2)>.md';
    const text = '# Paper: Names\n\nThis is a weakness of the paper.\n\nIt works extremely well.\n';
    const r = await run.run('surfaces', { text, fileName, keep: true });
    for (const [flavour, markdown] of Object.entries(r.markdown!)) {
      assert.match(markdown, /Critique digest|digest/i, `${flavour} has a digest`);
      assert.deepEqual(naive(markdown).filter((p) => !p.startsWith('href="#')), [], `${flavour} export rendered with raw HTML on`);
    }
  });

  it('the checker itself flags what it should', () => {
    assert.ok(unsafeParts('<p><a href="javascript:alert(1)">x</a></p>').length > 0);
    assert.ok(unsafeParts('<p><a href="&#106;avascript:x">x</a></p>').length > 0);
    assert.ok(unsafeParts('<img src="x" onerror="alert(1)">').length > 0);
    assert.ok(unsafeParts('<p title="a" onclick="b">x</p>').length > 0);
    assert.ok(unsafeParts('<a title="x" y" onclick=z>q</a>').length > 0);
    assert.ok(unsafeParts('<img src="mailto:a@b.org">').length > 0);
    assert.ok(unsafeParts('<a href="command:x">c</a>').length > 0);
    assert.ok(unsafeParts('<a href="VSCODE:x">c</a>').length > 0);
    assert.ok(unsafeParts('<style>x</style>').length > 0);
    assert.deepEqual(unsafeParts('<p title="on x=y">a &lt;script&gt;</p><img src="https://x.org/a.png" alt="a"><a href="#L1">l</a>'), []);
  });
});
