// Entry of the study panel's script (bundled to dist/webview.js): reads the initial data from the
// root element's `data-initial` attribute, starts the page, and passes on the host's messages,
// dropping any that are unknown or malformed.
import { parseHostMessage, parseInitialData } from '../shared/messages';
import { StudyPage } from './studyPage';
import { studyVsCodeApi } from './vscodeApi';

function start(): void {
  const root = document.getElementById('ps-root');
  const initial = parseInitialData(root?.dataset.initial);
  if (!root || !initial) return;
  delete root.dataset.initial;
  const page = new StudyPage(root, studyVsCodeApi(), initial);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parseHostMessage(event.data);
    if (!message) return;
    switch (message.type) {
      case 'update': page.update(message.view); return;
      case 'simulate': page.simulate(message.simulated); return;
    }
  });
}

start();
