#!/usr/bin/env python3
"""Every command and option that `flowprint --help` and `flowprint COMMAND
--help` list is documented in the man pages: each subcommand in flowprint(1)
and in a page of its own, each option in a `.TP` item of its command's page,
with the default that --help shows. Commands not built yet are not checked;
options documented but not built are only noted.
usage: man_matches_help.py FLOWPRINT MAN_DIR"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_help import read_help  # noqa: E402
from roff_text import documented_options, tag_words  # noqa: E402

binary, man_dir = sys.argv[1], sys.argv[2]
problems = []
checked = 0


def check_options(help, page, what, note_extra=True):
    global checked
    documented = documented_options(page)
    for name, default in help.options.items():
        checked += 1
        if name not in documented:
            problems.append(f"{what}: {name} is in --help but not in a .TP item of {page}")
        elif default is not None and default not in documented[name]:
            problems.append(f"{what}: {name} defaults to {default} (--help) but {page} does not say so")
    for name in sorted(set(documented) - set(help.options)) if note_extra else []:
        print(f"note: {what}: {page} documents {name}, which --help does not list (not merged yet?)")


main_page = os.path.join(man_dir, "flowprint.1")
top = read_help(binary)
if not top.subcommands or not top.options:
    problems.append("could not parse `flowprint --help` (no subcommands or options found)")
check_options(top, main_page, "flowprint", note_extra=False)  # it also documents common options
main_tags = tag_words(main_page)
for command in top.subcommands:
    checked += 1
    if command not in main_tags:
        problems.append(f"{command} is a command but flowprint.1 has no .TP item for it")
    page = os.path.join(man_dir, f"flowprint-{command}.1")
    if not os.path.exists(page):
        problems.append(f"{command} is a command but {page} does not exist")
        continue
    help = read_help(binary, command)
    check_options(help, page, f"flowprint {command}")
    for positional in help.positionals:
        checked += 1
        if positional.lower() not in tag_words(page):
            problems.append(f"flowprint {command}: positional {positional} has no .TP item in {page}")

for problem in problems:
    print("FAIL:", problem)
print(f"{checked} commands, options and positionals checked; {len(problems)} problems")
sys.exit(1 if problems else 0)
