#!/usr/bin/env python3
"""The README's VS Code settings declare, in yaml.customTags, exactly the
tags flowprint knows (the table in core/tags/tag.cpp), each with the node
kinds flowprint accepts for it: a kind is declared if and only if flowprint
does not reject a tag of that kind for its shape ("got a scalar").
usage: editor_tags_test.py FLOWPRINT REPO_ROOT"""
import json
import os
import re
import subprocess
import sys
import tempfile

binary, root = sys.argv[1], sys.argv[2]
readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
settings = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", readme, re.S)
            if "yaml.customTags" in block]
if len(settings) != 1:
    sys.exit(f"FAIL: expected one README json block with yaml.customTags, found {len(settings)}")
declared = set()
for item in settings[0]["yaml.customTags"]:
    tag, kind = item.split()
    declared.add((tag, kind))
known = set(re.findall(r'\{"(![A-Za-z]+)", resolve_',
                       open(os.path.join(root, "core", "tags", "tag.cpp"), encoding="utf-8").read()))
problems = []
if {tag for tag, _ in declared} != known or len(known) != 14:
    problems.append(f"declared tags {sorted({t for t, _ in declared})} != flowprint's {sorted(known)}")

samples = {"scalar": "a", "sequence": "[a, b, c]"}
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "tag.yaml")
    for tag in sorted(known):
        for kind, node in samples.items():
            with open(path, "w", encoding="utf-8") as out:
                out.write("version: 1\nentries:\n  - model: authentik_core.group\n"
                          f"    identifiers: {{name: g}}\n    attrs: {{x: {tag} {node}}}\n")
            run = subprocess.run([binary, "diagram", path], capture_output=True, text=True,
                                 timeout=20)
            rejected = f"got a {kind}" in run.stderr
            if rejected == ((tag, kind) in declared):
                problems.append(f"{tag} {kind}: declared {(tag, kind) in declared}, "
                                f"but flowprint {'rejects' if rejected else 'accepts'} that shape")
for problem in problems:
    print("FAIL:", problem)
print(f"{len(declared)} yaml.customTags entries for {len(known)} tags; {len(problems)} problems")
sys.exit(1 if problems else 0)
