#!/usr/bin/env python3
"""Every command and option that `flowprint --help` and `flowprint COMMAND
--help` list is in the bash, zsh and fish completion scripts.
usage: completions_cover_help.py FLOWPRINT COMPLETIONS_DIR"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_help import read_help  # noqa: E402

binary, folder = sys.argv[1], sys.argv[2]
scripts = {name: open(os.path.join(folder, name), encoding="utf-8").read()
           for name in ("flowprint.bash", "_flowprint", "flowprint.fish")}


def mentions(script, text, option, is_command):
    if script == "flowprint.fish" and not is_command:
        long = option.startswith("--")
        flag = f"-l {option[2:]}" if long else f"-s {option[1:]}"
        return re.search(re.escape(flag) + r"(\s|$)", text) is not None
    return re.search(r"(?<![\w-])" + re.escape(option) + r"(?![\w-])", text) is not None


problems, checked = [], 0
top = read_help(binary)
wanted = [(None, name, True) for name in top.subcommands]
wanted += [(None, option, False) for option in top.options]
for command in top.subcommands:
    wanted += [(command, option, False) for option in read_help(binary, command).options]
for command, word, is_command in wanted:
    for script, text in scripts.items():
        checked += 1
        if not mentions(script, text, word, is_command):
            problems.append(f"{script} lacks {'command' if is_command else 'option'} {word}"
                            + (f" of {command}" if command else ""))
for problem in problems:
    print("FAIL:", problem)
print(f"{checked} command/option mentions checked in 3 scripts; {len(problems)} missing")
sys.exit(1 if problems or not wanted else 0)
