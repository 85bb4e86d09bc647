// VS Code's built-in Markdown preview gets Paper Study's markdown-it plugin (the same one as the
// study panel and HTML export) through `contributes.markdown.markdownItPlugins`: the extension's
// exports provide `extendMarkdownIt`. The user's cue phrases are read at every render.
import type { MarkdownIt } from 'markdown-it';
import { paperStudyPlugin } from '../core/markdownPlugin';
import type { SettingsWatcher } from './settings';

export interface PaperStudyExports {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function markdownPreviewExports(settings: SettingsWatcher): PaperStudyExports {
  return {
    extendMarkdownIt(md) {
      return md.use(paperStudyPlugin, { indexOptions: () => ({ cues: settings.current.cues }) });
    },
  };
}
