#!/usr/bin/env python3
""".pre-commit-hooks.yaml parses, declares the flowprint-validate hook as a
system hook on YAML files, and its entry runs `flowprint validate`: the entry,
with the files pre-commit would pass, is run with the built binary and must
succeed on the sample blueprints (when this build has `validate`).
usage: precommit_hook_test.py FLOWPRINT REPO_ROOT"""
import glob
import os
import re
import shlex
import subprocess
import sys

import yaml

binary, root = os.path.abspath(sys.argv[1]), sys.argv[2]
hooks = yaml.safe_load(open(os.path.join(root, ".pre-commit-hooks.yaml"), encoding="utf-8"))
problems = []
assert isinstance(hooks, list), "the file must be a list of hooks"
hook = next((h for h in hooks if h.get("id") == "flowprint-validate"), None)
if hook is None:
    sys.exit("FAIL: no hook with id flowprint-validate")
for key in ("id", "name", "entry", "language"):
    if key not in hook:
        problems.append(f"the hook lacks the required key {key}")
entry = shlex.split(hook.get("entry", ""))
if entry[:2] != ["flowprint", "validate"]:
    problems.append(f"the entry {hook.get('entry')!r} does not run `flowprint validate`")
if hook.get("language") != "system":
    problems.append("language must be system (flowprint is installed, not built by pre-commit)")
files = re.compile(hook.get("files", ""))
for name, wanted in (("a.yaml", True), ("dir/b.yml", True), ("c.json", False), ("yaml.txt", False)):
    if bool(files.search(name)) != wanted:
        problems.append(f"files {files.pattern!r} {'misses' if wanted else 'matches'} {name}")

# Run the entry as pre-commit would: entry + args + the staged files.
samples = sorted(glob.glob(os.path.join(root, "samples", "login", "*.yaml")))
help = subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
if re.search(r"^\s+validate\s", help, re.M):
    command = [binary] + entry[1:] + hook.get("args", []) + samples
    run = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        problems.append(f"the entry failed on the samples ({run.returncode}): {run.stderr[:400]}")
    else:
        print(f"the entry ran: {' '.join(command)}")
else:
    print("NOTE: this build has no `validate` command yet; the entry was checked but not run")

for problem in problems:
    print("FAIL:", problem)
sys.exit(1 if problems else 0)
