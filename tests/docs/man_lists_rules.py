#!/usr/bin/env python3
"""flowprint-validate.1 lists every validation rule. With the rule table
(`flowprint validate --list-rules`) the page's RULES list must be exactly what
man/update_rules.py generates from it; without it (the command is not built
yet), every rule id that core/ reports findings with must be listed.
usage: man_lists_rules.py FLOWPRINT MAN_DIR CORE_DIR"""
import os
import re
import subprocess
import sys

binary, man_dir, core_dir = sys.argv[1:4]
page = os.path.join(man_dir, "flowprint-validate.1")
generator = os.path.join(man_dir, "update_rules.py")

lines = open(page, encoding="utf-8").read().splitlines()
start = next(i for i, line in enumerate(lines) if line.startswith('.\\" BEGIN RULES'))
end = next(i for i, line in enumerate(lines) if line.startswith('.\\" END RULES'))
listed = {line[3:].replace("\\-", "-") for line in lines[start:end] if line.startswith(".B ")}

check = subprocess.run([sys.executable, generator, "--check", binary, page],
                       capture_output=True, text=True, timeout=60)
if check.returncode != 2:  # 2: there is no rule table yet
    print(check.stdout, end="")
    print("checked against `flowprint validate --list-rules`:",
          "OK" if check.returncode == 0 else "FAILED")
    sys.exit(check.returncode)

print("NOTE: `flowprint validate --list-rules` is not available in this build; "
      "checking against the rule ids used in core/ instead")
literal = re.compile(r'"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"')
used = {}
for root, _, files in os.walk(core_dir):
    for name in files:
        if name.endswith((".cpp", ".h")):
            path = os.path.join(root, name)
            for rule in literal.findall(open(path, encoding="utf-8").read()):
                used.setdefault(rule, path)
missing = sorted(set(used) - listed)
for rule in missing:
    print(f"FAIL: rule {rule} (used in {used[rule]}) is not listed in {page}")
print(f"{len(used)} rule ids used in core/, {len(listed)} listed in the page, {len(missing)} missing")
sys.exit(1 if missing or not used else 0)
