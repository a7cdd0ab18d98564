"""Parsing CLI11's --help output: subcommands, options with their defaults,
positionals. Shared by the documentation tests."""
import re
import subprocess


class Help:
    def __init__(self):
        self.subcommands = []   # names
        self.options = {}       # name -> default shown by --help, or None
        self.positionals = []   # type names, e.g. PATH


def read_help(binary, *command):
    run = subprocess.run([binary, *command, "--help"], capture_output=True, text=True, timeout=20)
    if run.returncode != 0:
        raise SystemExit(f"{binary} {' '.join(command)} --help exited {run.returncode}: {run.stderr}")
    help = Help()
    section = None
    for line in run.stdout.splitlines():
        if re.match(r"^\S.*:$", line):
            section = line[:-1]
            continue
        if not line.startswith("  ") or line.startswith("   "):
            continue  # a wrapped description
        head = re.split(r"\s{2,}", line.strip())[0]
        tokens = head.split()
        if section == "Subcommands":
            help.subcommands.append(tokens[0])
        elif section == "Positionals":
            if len(tokens) > 1:
                help.positionals.append(tokens[1])
        elif tokens and tokens[0].startswith("-"):
            default = None
            if len(tokens) > 1:
                match = re.match(r"^[A-Z0-9_]+=(\S+)$", tokens[1])
                if match and not match.group(1).isupper():
                    default = match.group(1)
            for name in tokens[0].split(","):
                help.options[name] = default
    return help
