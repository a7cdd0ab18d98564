"""Reading the man pages' roff source: the tags of `.TP` items, with their
paragraphs, as plain text. Shared by the documentation tests."""
import re

_FONT = re.compile(r"\\f(\[[A-Z]*\]|[BIRP])")


def plain(line):
    """The text of one roff line: macro name, font escapes and quotes removed."""
    if line.startswith("."):
        parts = line.split(None, 1)
        line = parts[1] if len(parts) > 1 else ""
        line = line.replace('"', "")
    line = _FONT.sub("", line)
    return (line.replace("\\-", "-").replace("\\&", "").replace("\\e", "\\")
            .replace("\\ ", " ").replace("\\(em", "--"))


def tagged_items(path):
    """[(tag text, paragraph text)] for every `.TP` item of a page."""
    lines = open(path, encoding="utf-8").read().splitlines()
    items = []
    i = 0
    while i < len(lines):
        if lines[i].strip() == ".TP" and i + 1 < len(lines):
            tag = plain(lines[i + 1])
            body = []
            j = i + 2
            while j < len(lines) and not re.match(r"\.(TP|SH|SS|PP|P|LP)\b", lines[j]):
                if not lines[j].startswith('.\\"'):
                    body.append(plain(lines[j]))
                j += 1
            items.append((tag, " ".join(body)))
            i = j
        else:
            i += 1
    return items


OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][A-Za-z0-9-]*)")


def documented_options(path):
    """{option name: paragraph} for every option named in a `.TP` tag."""
    options = {}
    for tag, body in tagged_items(path):
        for name in OPTION.findall(tag):
            options.setdefault(name, body)
    return options


def tag_words(path):
    """Every word of every `.TP` tag (commands, positionals, rule ids)."""
    words = set()
    for tag, _ in tagged_items(path):
        words.update(tag.split())
    return words
