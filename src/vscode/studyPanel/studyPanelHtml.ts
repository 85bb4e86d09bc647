// The study panel's page: a strict Content Security Policy (nothing by default; styles and images
// from the extension; the one script by nonce), the shared critique styles, and the initial data in
// an escaped `data-` attribute (never an inline script).
import * as vscode from 'vscode';
import { escapeHtml } from '../../core/html';
import type { InitialData } from '../../shared/messages';
import { createNonce } from './nonce';

/** Where the page may load from: the styles (`media/`) and the webview bundle (`dist/`). */
export function studyWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

export function studyPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, initial: InitialData): string {
  const nonce = createNonce();
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    `default-src 'none'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} https: data:`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(asset('media', 'critique.css'))}">
<link rel="stylesheet" href="${escapeHtml(asset('media', 'study.css'))}">
<title>${escapeHtml(initial.view.title)}</title>
</head>
<body>
<div id="ps-root" class="ps-study" data-initial="${escapeHtml(JSON.stringify(initial))}"></div>
<script nonce="${nonce}" src="${escapeHtml(asset('dist', 'webview.js'))}"></script>
</body>
</html>`;
}
