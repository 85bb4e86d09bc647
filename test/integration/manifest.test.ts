// The manifest against the running extension: every contributed command is registered, every menu
// and key binding names a contributed command, every view exists, every setting has a type, a
// default (the one VS Code reports) and a description, and every %key% has its English text.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate } from './paperStudyTestkit';

interface Manifest {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] }; virtualWorkspaces: boolean };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command?: string; submenu?: string; when?: string }[]>;
    submenus: { id: string }[];
    keybindings: { command: string; key: string; when?: string }[];
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string }[]>;
    colors: { id: string; defaults: Record<string, string> }[];
    configuration: { properties: Record<string, { type?: string; default?: unknown; description?: string }> };
  };
}

async function readJson<T>(uri: vscode.Uri): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as T;
}

describe('Manifest', () => {
  let manifest: Manifest;
  let nls: Record<string, string>;
  let root: vscode.Uri;

  before(async () => {
    await activate();
    root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    manifest = await readJson<Manifest>(vscode.Uri.joinPath(root, 'package.json'));
    nls = await readJson<Record<string, string>>(vscode.Uri.joinPath(root, 'package.nls.json'));
  });

  it('registers every contributed command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('puts every public command in the Paper Study category, and hides the internal ones from the palette', () => {
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
    for (const c of manifest.contributes.commands) {
      assert.equal(c.category, '%category%', c.command);
      const internal = c.command.includes('._test.') || c.command === 'paperStudy.openLocation';
      assert.equal(hidden.has(c.command), internal, `${c.command} ${internal ? 'hidden' : 'shown'} in the palette`);
    }
  });

  it('names only contributed commands and submenus in menus and key bindings', () => {
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    const submenus = new Set(manifest.contributes.submenus.map((s) => s.id));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) {
        if (entry.submenu) assert.ok(submenus.has(entry.submenu), `${menu}: ${entry.submenu}`);
        else assert.ok(commands.has(entry.command!), `${menu}: ${entry.command}`);
      }
    }
    for (const binding of manifest.contributes.keybindings) assert.ok(commands.has(binding.command), binding.command);
  });

  it('shows its view in its own container, activated lazily by it', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const containers = manifest.contributes.viewsContainers.activitybar;
    for (const container of containers) {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, container.icon));
      for (const view of manifest.contributes.views[container.id]) {
        assert.ok(registered.has(`${view.id}.focus`), `${view.id} is a registered view`);
        assert.ok(manifest.activationEvents.includes(`onView:${view.id}`), `onView:${view.id}`);
      }
    }
    assert.ok(!manifest.activationEvents.includes('*') && !manifest.activationEvents.includes('onStartupFinished'), 'no eager activation');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited', 'only workspace values of some settings are ignored');
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  it('declares a type, default and description for every setting, as VS Code reports them', () => {
    const config = vscode.workspace.getConfiguration();
    for (const [key, schema] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(schema.type, `${key} has a type`);
      assert.ok(schema.description, `${key} has a description`);
      assert.ok('default' in schema, `${key} has a default`);
      assert.deepEqual(config.inspect(key)?.defaultValue, schema.default, `${key}'s default is registered`);
    }
  });

  it('contributes a theme colour with light, dark and high-contrast defaults for every critique kind', () => {
    for (const kind of ['strength', 'weakness', 'question', 'idea', 'note']) {
      const color = manifest.contributes.colors.find((c) => c.id === `paperStudy.${kind}Foreground`);
      assert.ok(color, kind);
      for (const theme of ['dark', 'light', 'highContrast', 'highContrastLight']) assert.ok(color.defaults[theme], `${kind} ${theme}`);
    }
  });

  it('has English text for every %key% of the manifest', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    assert.deepEqual(keys.filter((k) => !(k in nls)), []);
  });
});
