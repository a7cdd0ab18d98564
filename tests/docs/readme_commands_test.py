#!/usr/bin/env python3
"""Every command shown in the README's code blocks that starts with
`flowprint` runs and exits as the README says: 0, or the status N that a
trailing `# exits N` comment announces (a validate example that shows
findings). Lines ending in a backslash continue. A command whose subcommand
this build does not have yet (validate, dry-run, schema before they are merged)
is not run, and the test then exits 77 (skipped) after checking the others. Commands run with bash, from
a scratch directory that links every top-level entry of the repository, so
they see the repository as its root but whatever they write stays out of it.
usage: readme_commands_test.py FLOWPRINT REPO_ROOT"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])


def readme_commands(path):
    commands, in_block, pending = [], False, None
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.lstrip().startswith("```"):
            in_block, pending = not in_block, None
            continue
        if not in_block:
            continue
        text = line.strip()
        if pending is not None:
            pending[1] += " " + text.rstrip("\\").strip()
            if not text.endswith("\\"):
                commands.append(tuple(pending)); pending = None
            continue
        if text.startswith("$ "):
            text = text[2:]
        if re.match(r"flowprint(\s|$)", text):
            if text.endswith("\\"):
                pending = [number, text.rstrip("\\").strip()]
            else:
                commands.append((number, text))
    return commands


commands = readme_commands(os.path.join(root, "README.md"))
if not commands:
    sys.exit("FAIL: the README shows no flowprint command")
scratch = tempfile.mkdtemp()
shims = tempfile.mkdtemp()
try:
    for name in os.listdir(root):
        if name not in (".git",) and not name.startswith("build"):
            os.symlink(os.path.join(root, name), os.path.join(scratch, name))
    os.symlink(binary, os.path.join(shims, "flowprint"))
    environment = dict(os.environ, PATH=shims + os.pathsep + os.environ["PATH"])
    help = subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
    built = set(re.findall(r"^  (\S+)\s", help.split("Subcommands:")[-1], re.M))
    failures, not_run = 0, []
    for number, command in commands:
        subcommand = command.split()[1] if len(command.split()) > 1 else ""
        if not subcommand.startswith("-") and subcommand not in built:
            not_run.append(f"README.md:{number}: {command}")
            continue
        expected = re.search(r"#\s*exits\s+(\d+)\s*$", command)
        want = int(expected.group(1)) if expected else 0
        run = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=scratch,
                             env=environment, capture_output=True, text=True, timeout=120)
        ok = run.returncode == want
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} README.md:{number}: {command}  (exit {run.returncode}"
              f"{'' if ok else f', expected {want}'})")
        if not ok:
            print("     " + run.stderr.strip().replace("\n", "\n     ")[:800])
finally:
    shutil.rmtree(scratch)
    shutil.rmtree(shims)
for line in not_run:
    print(f"NOT RUN (this build has no such command yet) {line}")
print(f"{len(commands)} README commands: {len(commands) - len(not_run)} run, {failures} failed, "
      f"{len(not_run)} not run")
sys.exit(1 if failures else 77 if not_run else 0)
