#!/usr/bin/env bash
# The main job: build, run the CLI on the bundled sample (papers, critique, annotated exports in out/),
# then open the extension on the sample in a real VS Code — desktop `code` when it exists, otherwise
# the local code-server of the test harness (installed on first use), printing the address to open.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run --silent build
echo "== Papers in examples/paper-summaries.md"
node dist/cli.js papers examples/paper-summaries.md
echo
echo "== Critique"
node dist/cli.js critique examples/paper-summaries.md
mkdir -p out
for f in obsidian github plain; do
  node dist/cli.js export --force --format "$f" --out "out/paper-summaries.$f.md" examples/paper-summaries.md
done
node dist/cli.js export --force --format html --out out/paper-summaries.html examples/paper-summaries.md
echo

if [ "${PAPER_STUDY_NO_EDITOR:-}" = 1 ]; then exit 0; fi
if command -v code >/dev/null 2>&1; then
  echo "== Opening VS Code with Paper Study on examples/"
  exec code --extensionDevelopmentPath="$PWD" "$PWD/examples"
fi
echo "== No desktop 'code' here: serving VS Code (code-server) with Paper Study on examples/"
bash scripts/vscode-host/setup.sh
exec node scripts/vscode-host/run-tests.js --open --workspace examples
