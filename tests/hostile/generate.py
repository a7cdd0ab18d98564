#!/usr/bin/env python3
"""Writes the hostile inputs of issue 6 into OUTDIR, one file or directory each.

Usage: generate.py OUTDIR

Every input is something a person could commit or paste: deeply nested YAML,
alias and !Enumerate bombs, huge scalars and sequences, cycles, and files that
are not blueprints at all. The inputs are generated, never committed, because
some are large (64 MiB). Each is written only when missing, so that reruns
are cheap.
"""
import os
import random
import sys

FLOW = """  - model: authentik_flows.flow
    id: flow
    identifiers: {slug: hostile}
    attrs: {name: Hostile, title: Hostile, designation: authentication}
"""


# An entry without identifiers: an error, so that an input that is otherwise
# valid (a bomb the limits let through) still exits 1.
FAULTY = """  - model: authentik_core.group
    attrs: {name: no-identifiers}
"""


def header(name):
    return f"version: 1\nmetadata:\n  name: {name}\n"


def deep_flow_sequence():
    depth = 200_000
    return "version: 1\nentries: " + "[" * depth + "]" * depth + "\n"


def deep_flow_mapping():
    depth = 200_000
    return "version: 1\nentries: " + "{a: " * depth + "b" + "}" * depth + "\n"


def unclosed_flow():
    return "version: 1\nentries: " + "[" * 200_000 + "\n"


def deep_block_mapping():
    depth = 3_000
    lines = [header("deep block mapping") + "context:"]
    for level in range(1, depth + 1):
        lines.append("  " * level + "a:")
    lines.append("  " * (depth + 1) + "leaf")
    lines.append("entries: []")
    return "\n".join(lines) + "\n"


def deep_block_sequence():
    depth = 3_000
    return header("deep block sequence") + "entries:\n  " + "- " * depth + "x\n"


def alias_bomb():
    levels, width = 10, 10
    lines = [header("alias bomb") + "context:"]
    lines.append("  l0: &l0 [" + ", ".join(["lol"] * width) + "]")
    for level in range(1, levels):
        lines.append(f"  l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    lines.append("entries:\n" + FLOW)
    return "\n".join(lines) + "\n"


def enumerate_bomb():
    items = ", ".join(str(i) for i in range(2_000))
    return (
        header("enumerate bomb")
        + f"context:\n  items: [{items}]\n"
        + "entries:\n"
        + FLOW
        + "  - model: authentik_core.group\n"
        + "    identifiers: {name: bomb}\n"
        + "    attrs:\n"
        + "      attributes:\n"
        + "        all: !Enumerate [!Context items, SEQ,\n"
        + "          !Enumerate [!Context items, SEQ,\n"
        + "            !Enumerate [!Context items, SEQ, [!Value 0, !Value 1, !Value 2]]]]\n"
    )


def big_scalar(size):
    def write(path):
        with open(path, "w") as out:
            out.write(header("big scalar") + "entries:\n" + FLOW)
            out.write("  - model: authentik_core.group\n    identifiers: {name: big}\n")
            out.write("    attrs:\n      attributes: {text: ")
            chunk = "x" * (1 << 20)
            for _ in range(size >> 20):
                out.write(chunk)
            out.write("}\n")

    return write


def long_flow_sequence():
    return header("long flow sequence") + "entries: [" + ", ".join(["x"] * 200_000) + "]\n"


def many_aliases():
    pairs = ", ".join(f"k{i}: v" for i in range(20))
    lines = [header("many aliases") + "context:", f"  base: &b {{{pairs}}}", "  list: ["]
    lines.append(", ".join(["*b"] * 200_000) + "]")
    lines.append("entries:\n" + FLOW)
    return "\n".join(lines) + "\n"


def alias_depth_chain():
    # Each anchor nests the one before it 250 levels deeper: no single level
    # of the text is deeper than --max-depth, the tree it means is.
    lines = [header("alias depth chain") + "context:"]
    for i in range(120):
        inner = f"*a{i - 1}" if i else "1"
        lines.append(f"  k{i}: &a{i} " + "[" * 250 + inner + "]" * 250)
    lines.append("entries: []")
    return "\n".join(lines) + "\n"


def nested_anchors():
    # Every level anchored: each anchor keeps a copy of all that it holds.
    levels = 200
    opened = "".join(f"&a{i} [" for i in range(levels))
    return (header("nested anchors") + "context:\n  x: " + opened +
            ",".join(["1"] * 100_000) + "]" * levels + "\nentries: []\n")


def long_slug():
    # std::regex, which checks the schema's slug pattern, recurses per character.
    return header("long slug") + "entries:\n" + FLOW.replace(
        "{slug: hostile}", "{slug: " + "a" * 1_000_000 + "}") + FAULTY


def context_chain():
    # Each context value nests 200 levels and refers to the next one.
    lines = [header("context chain") + "context:"]
    for i in range(300):
        lines.append(f"  c{i}: " + "[" * 200 + f"!Context c{i + 1}" + "]" * 200)
    lines.append("entries:\n" + FLOW + "  - model: authentik_core.group\n"
                 "    identifiers: {name: chain}\n    attrs: {attributes: {c: !Context c0}}")
    return "\n".join(lines) + "\n"


def context_copy_bomb():
    items = ", ".join(str(i) for i in range(100_000))
    return (
        header("context copies") + f"context:\n  big: [{items}]\n"
        + "entries:\n" + FLOW
        + "  - model: authentik_core.group\n    identifiers: {name: copies}\n"
        + "    attrs:\n      attributes:\n        first: &c !Context big\n"
        + "        all: [" + ", ".join(["*c"] * 100_000) + "]\n"
        + FAULTY
    )


def format_bomb():
    fmt = "%10000s" * 100
    args = ", ".join(["x"] * 100)
    return (
        header("format bomb") + "entries:\n" + FLOW
        + "  - model: authentik_core.group\n    identifiers: {name: formats}\n"
        + f"    attrs:\n      attributes:\n        first: &f !Format [\"{fmt}\", {args}]\n"
        + "        all: [" + ", ".join(["*f"] * 10_000) + "]\n"
        + FAULTY
    )


def enumerate_map():
    return (
        header("enumerate map") + "context:\n  items: ["
        + ", ".join(f"k{i}" for i in range(200_000)) + "]\n"
        + "entries:\n" + FLOW
        + "  - model: authentik_core.group\n    identifiers: {name: map}\n"
        + "    attrs:\n      attributes: !Enumerate [!Context items, MAP, [!Value 0, !Index 0]]\n"
        + FAULTY
    )


def unknown_tag_flood():
    lines = [header("unknown tags") + "context:", "  l0: &l0 [" + ", ".join(["!Bogus x"] * 10) + "]"]
    for level in range(1, 6):
        lines.append(f"  l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]")
    lines.append("entries:\n" + FLOW + "  - model: authentik_core.group\n"
                 "    identifiers: {name: flood}\n    attrs: {attributes: {all: !Context l5}}")
    return "\n".join(lines) + "\n"


def many_bindings_one_flow():
    # Matching identifiers must not scan every binding of the flow each time,
    # nor deleting one scan the whole store.
    parts = [header("many bindings") + "entries:\n" + FLOW]
    for i in range(20_000):
        parts.append(f"  - model: authentik_stages_dummy.dummystage\n    id: s{i}\n"
                     f"    identifiers: {{name: s{i}}}\n"
                     f"  - model: authentik_flows.flowstagebinding\n"
                     f"    identifiers: {{target: !KeyOf flow, stage: !KeyOf s{i}, order: 0}}\n")
    for i in range(0, 20_000, 2):
        parts.append(f"  - model: authentik_stages_dummy.dummystage\n    state: absent\n"
                     f"    identifiers: {{name: s{i}}}\n")
    parts.append(FAULTY)
    return "".join(parts)


def kubernetes_manifest():
    return (
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: authentik-blueprints\n"
        "data:\n  login.yaml: |\n    version: 1\n    entries: []\n"
    )


def random_bytes():
    generator = random.Random(6)
    return bytes(generator.randrange(256) for _ in range(65_536))


def invalid_utf8():
    return (header("bad utf-8") + "entries:\n" + FLOW).encode() + b"      caf\xe9: \xff\xfe\n"


def nul_bytes():
    return (header("nul") + "entries:\n").encode() + b"\0\0" + FLOW.encode()


def truncated():
    text = header("truncated") + "entries:\n" + FLOW + "  - model: authentik_core.group\n"
    text += '    identifiers: {name: "unterminated'
    return text


def meta_apply_cycle():
    one = (
        header("cycle one") + "entries:\n" + FLOW
        + "  - model: authentik_blueprints.metaapplyblueprint\n"
        + "    attrs: {identifiers: {name: cycle two}}\n"
    )
    two = (
        header("cycle two") + "entries:\n"
        + "  - model: authentik_blueprints.metaapplyblueprint\n"
        + "    attrs: {identifiers: {path: one.yaml}}\n"
    )
    return {"one.yaml": one, "two.yaml": two}


def group_parent_cycle():
    return (
        header("group cycle") + "entries:\n" + FLOW
        + "  - model: authentik_core.group\n    id: a\n    identifiers: {name: a}\n"
        + "  - model: authentik_core.group\n    id: b\n    identifiers: {name: b}\n"
        + "    attrs: {parent: !KeyOf a}\n"
        + "  - model: authentik_core.group\n    identifiers: {name: a}\n"
        + "    attrs: {parent: !KeyOf b}\n"
        + "  - model: authentik_core.group\n    id: self\n    identifiers: {name: self}\n"
        + "  - model: authentik_core.group\n    identifiers: {name: self}\n"
        + "    attrs: {parent: !Find [authentik_core.group, [name, self]]}\n"
    )


def context_cycle():
    return (
        header("context cycle")
        + "context:\n  me: !Context me\n  ping: !Context pong\n  pong: !Context ping\n"
        + "entries:\n" + FLOW
        + "  - model: authentik_core.group\n    identifiers: {name: !Context me}\n"
        + "    attrs: {attributes: {p: !Context ping}}\n"
    )


def keyof_self():
    return (
        header("keyof self") + "entries:\n" + FLOW
        + "  - model: authentik_core.group\n    id: me\n"
        + "    identifiers: {name: me}\n    attrs: {parent: !KeyOf me}\n"
    )


INPUTS = {
    # Limits.
    "deep-flow-sequence.yaml": deep_flow_sequence,
    "deep-flow-mapping.yaml": deep_flow_mapping,
    "unclosed-flow.yaml": unclosed_flow,
    "deep-block-mapping.yaml": deep_block_mapping,
    "deep-block-sequence.yaml": deep_block_sequence,
    "alias-bomb.yaml": alias_bomb,
    "many-aliases.yaml": many_aliases,
    "enumerate-bomb.yaml": enumerate_bomb,
    "scalar-64mib.yaml": big_scalar(64 << 20),
    "scalar-17mib.yaml": big_scalar(17 << 20),
    "long-flow-sequence.yaml": long_flow_sequence,
    "context-chain.yaml": context_chain,
    "context-copy-bomb.yaml": context_copy_bomb,
    "format-bomb.yaml": format_bomb,
    "enumerate-map.yaml": enumerate_map,
    "unknown-tag-flood.yaml": unknown_tag_flood,
    "many-bindings-one-flow.yaml": many_bindings_one_flow,
    "alias-depth-chain.yaml": alias_depth_chain,
    "nested-anchors.yaml": nested_anchors,
    "long-slug.yaml": long_slug,
    # Not blueprints.
    "empty.yaml": lambda: "",
    "lone-document-marker.yaml": lambda: "---\n",
    "json-array.yaml": lambda: '[{"model": "authentik_flows.flow"}, 1, 2]\n',
    "kubernetes-manifest.yaml": kubernetes_manifest,
    "random-bytes.yaml": random_bytes,
    "invalid-utf8.yaml": invalid_utf8,
    "nul-bytes.yaml": nul_bytes,
    "truncated.yaml": truncated,
    # Cycles.
    "meta-apply-cycle": meta_apply_cycle,
    "group-parent-cycle.yaml": group_parent_cycle,
    "context-cycle.yaml": context_cycle,
    "keyof-self.yaml": keyof_self,
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, make in INPUTS.items():
        path = os.path.join(out, name)
        if os.path.exists(path):
            continue
        if make.__name__ == "write":
            make(path + ".part")
            os.replace(path + ".part", path)
            continue
        content = make()
        if isinstance(content, dict):
            os.makedirs(path, exist_ok=True)
            for file, text in content.items():
                with open(os.path.join(path, file), "w") as f:
                    f.write(text)
            continue
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(path + ".part", mode) as f:
            f.write(content)
        os.replace(path + ".part", path)
    print("\n".join(INPUTS))


if __name__ == "__main__":
    main()
