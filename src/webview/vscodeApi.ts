// The API VS Code gives a webview's script, typed with the study panel's own messages and state.
import type { PersistedState, WebviewMessage } from '../shared/messages';

export interface StudyVsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

declare function acquireVsCodeApi(): StudyVsCodeApi;

/** Can be called only once per page. */
export function studyVsCodeApi(): StudyVsCodeApi {
  return acquireVsCodeApi();
}
