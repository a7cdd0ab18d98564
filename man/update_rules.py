#!/usr/bin/env python3
"""Regenerates the RULES list of flowprint-validate.1 from the rule table that
`flowprint validate --list-rules` prints: one rule per line, its id, severity
and one-line description separated by tabs (or by two or more spaces).
usage: update_rules.py FLOWPRINT [PAGE]          rewrite the page
       update_rules.py --check FLOWPRINT [PAGE]  exit 1 if the page differs"""
import os
import re
import subprocess
import sys

BEGIN = '.\\" BEGIN RULES'
END = '.\\" END RULES'


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def read_rules(binary):
    """[(id, severity, description)], or None when there is no rule table."""
    run = subprocess.run([binary, "validate", "--list-rules"], capture_output=True, text=True,
                         timeout=20)
    if run.returncode != 0:
        return None
    rules = []
    for line in run.stdout.splitlines():
        if not line.strip():
            continue
        fields = line.split("\t") if "\t" in line else re.split(r"\s{2,}", line.strip(), 2)
        if len(fields) != 3:
            raise SystemExit(f"--list-rules: cannot read the line {line!r}")
        rules.append(tuple(field.strip() for field in fields))
    return rules


def render(rules):
    lines = []
    for rule_id, severity, description in rules:
        lines += [".TP", ".B " + roff(rule_id), roff(f"{severity}: {description}")]
    return lines


def replace_block(page_lines, block):
    start = next(i for i, line in enumerate(page_lines) if line.startswith(BEGIN))
    end = next(i for i, line in enumerate(page_lines) if line.startswith(END))
    return page_lines[: start + 1] + block + page_lines[end:]


def main(argv):
    check = "--check" in argv
    args = [arg for arg in argv if arg != "--check"]
    binary = args[0]
    page = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__),
                                                      "flowprint-validate.1")
    rules = read_rules(binary)
    if rules is None:
        print(f"{binary} validate --list-rules is not available; {page} left as it is")
        return 2
    old = open(page, encoding="utf-8").read().splitlines()
    new = replace_block(old, render(rules))
    if check:
        if new != old:
            print(f"{page} does not list the rules that --list-rules prints; "
                  f"run man/update_rules.py {binary}")
            return 1
        return 0
    open(page, "w", encoding="utf-8").write("\n".join(new) + "\n")
    print(f"{page}: {len(rules)} rules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
