#!/usr/bin/env python3
"""Check a set made by bench/generate.py with PyYAML, independently of flowprint.

    python3 bench/check_generated.py DIR [--entries N]

Checks, applying files in byte order of their relative paths:
  * every `!KeyOf` names an id defined by an earlier entry of the same file;
  * every `!Find` matches an object defined in an earlier file;
  * identifiers are unique per model; stage-binding orders unique per flow;
    policy-binding orders unique per target; each policy binding binds exactly
    one of policy / group / user;
  * bench-largest-flow, bench-user-0 (in bench-group-0) and bench-group-0 exist.
Prints entry counts per model. Exit 1 on the first kind of problem found.
"""
import argparse
import collections
import os
import sys

import yaml


class Tag:
    __slots__ = ("tag", "value")

    def __init__(self, tag, value):
        self.tag, self.value = tag, value


class Loader(yaml.SafeLoader):
    pass


def _tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        v = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        v = loader.construct_sequence(node, deep=True)
    else:
        v = loader.construct_mapping(node, deep=True)
    return Tag("!" + suffix, v)


Loader.add_multi_constructor("!", _tag)


class Obj:
    __slots__ = ("model", "fields", "file")

    def __init__(self, model, fields, file):
        self.model, self.fields, self.file = model, fields, file


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--entries", type=int, help="expected number of entries")
    args = ap.parse_args()
    if not os.path.isdir(args.dir):
        print("check_generated.py: %s is not a directory" % args.dir, file=sys.stderr)
        return 2

    paths = []
    for root, _, names in os.walk(args.dir):
        for n in names:
            if n.endswith((".yaml", ".yml")):
                paths.append(os.path.relpath(os.path.join(root, n), args.dir))
    paths.sort(key=lambda p: p.encode())

    errors = []
    counts = collections.Counter()
    # (model, field, value) -> object, for !Find on single identifier fields.
    index = {}
    fsb_index = {}          # (flow slug, order) -> binding object
    fsb_orders = collections.defaultdict(set)
    pb_orders = collections.defaultdict(set)
    flow_bindings = collections.Counter()
    per_file = []

    def err(path, msg):
        if len(errors) < 50:
            errors.append("%s: %s" % (path, msg))
        else:
            errors.append(None)

    for fi, rel in enumerate(paths):
        with open(os.path.join(args.dir, rel), encoding="utf8") as f:
            doc = yaml.load(f, Loader)
        if not isinstance(doc, dict) or doc.get("version") != 1 \
                or not isinstance(doc.get("entries"), list):
            err(rel, "not a version-1 blueprint with an entries list")
            continue
        per_file.append(len(doc["entries"]))
        ids = {}

        def resolve(v, where):
            """Tagged value -> Obj (or None); plain values unchanged."""
            if not isinstance(v, Tag):
                return v
            if v.tag == "!KeyOf":
                o = ids.get(v.value)
                if o is None:
                    err(rel, "%s: !KeyOf %s not defined earlier in the file" % (where, v.value))
                return o
            if v.tag == "!Find":
                model, *pairs = v.value
                if model == "authentik_flows.flowstagebinding":
                    q = dict(pairs)
                    o = fsb_index.get((q.get("target__slug"), q.get("order")))
                else:
                    if len(pairs) != 1:
                        err(rel, "%s: unexpected !Find shape %r" % (where, v.value))
                        return None
                    o = index.get((model, pairs[0][0], pairs[0][1]))
                if o is None:
                    err(rel, "%s: !Find %r matches nothing applied so far" % (where, v.value))
                elif o.file == fi:
                    err(rel, "%s: !Find %r points into the same file" % (where, v.value))
                return o
            err(rel, "%s: unexpected tag %s" % (where, v.tag))
            return None

        for n, e in enumerate(doc["entries"]):
            where = "entry %d" % n
            model = e["model"]
            counts[model] += 1
            idf = {k: resolve(v, where) for k, v in e["identifiers"].items()}
            attrs = {}
            for k, v in (e.get("attrs") or {}).items():
                attrs[k] = [resolve(x, where) for x in v] if isinstance(v, list) else resolve(v, where)
            obj = Obj(model, {**attrs, **idf}, fi)
            if "id" in e:
                if e["id"] in ids:
                    err(rel, "%s: duplicate id %s" % (where, e["id"]))
                ids[e["id"]] = obj
            if model == "authentik_flows.flowstagebinding":
                t = idf["target"]
                if not isinstance(t, Obj) or t.model != "authentik_flows.flow":
                    err(rel, "%s: binding target is not a flow" % where)
                    continue
                if not isinstance(idf["stage"], Obj) or "_stages_" not in idf["stage"].model:
                    err(rel, "%s: binding stage is not a stage" % where)
                slug = t.fields["slug"]
                if idf["order"] in fsb_orders[slug]:
                    err(rel, "%s: order %s repeated in flow %s" % (where, idf["order"], slug))
                fsb_orders[slug].add(idf["order"])
                fsb_index[(slug, idf["order"])] = obj
                flow_bindings[slug] += 1
            elif model == "authentik_policies.policybinding":
                bound = [k for k in ("policy", "group", "user") if idf.get(k) is not None]
                if len(bound) != 1:
                    err(rel, "%s: binds %s" % (where, bound or "nothing"))
                t = idf.get("target")
                if not isinstance(t, Obj):
                    err(rel, "%s: policy binding without a target" % where)
                    continue
                key = id(t)
                if idf["order"] in pb_orders[key]:
                    err(rel, "%s: order %s repeated on one target" % (where, idf["order"]))
                pb_orders[key].add(idf["order"])
            else:
                (field, value), = e["identifiers"].items()
                if (model, field, value) in index:
                    err(rel, "%s: %s %s=%s defined twice" % (where, model, field, value))
                index[(model, field, value)] = obj
                if model == "authentik_core.group" and attrs.get("parent") is not None \
                        and not isinstance(attrs["parent"], Obj):
                    err(rel, "%s: bad parent" % where)

    for key in [("authentik_flows.flow", "slug", "bench-largest-flow"),
                ("authentik_core.group", "name", "bench-group-0"),
                ("authentik_core.user", "username", "bench-user-0")]:
        if key not in index:
            errors.append("missing %s %s=%s" % key)
    u0 = index.get(("authentik_core.user", "username", "bench-user-0"))
    if u0 and not any(getattr(g, "fields", {}).get("name") == "bench-group-0"
                      for g in u0.fields.get("groups", [])):
        errors.append("bench-user-0 is not in bench-group-0")

    total = sum(counts.values())
    if args.entries is not None and total != args.entries:
        errors.append("expected %d entries, found %d" % (args.entries, total))
    largest = flow_bindings.get("bench-largest-flow", 0)
    want = max(20, round(0.02 * total))
    if largest < want:
        errors.append("bench-largest-flow has %d stage bindings, want >= %d" % (largest, want))
    others = [c for s, c in flow_bindings.items() if s != "bench-largest-flow"]
    if others and not 5 <= min(others) <= max(others) <= 10:
        errors.append("flows with %d..%d stage bindings (want 5..10)" % (min(others), max(others)))

    print("%d files, %d entries (%.1f per file), largest flow %d stage bindings"
          % (len(paths), total, total / max(1, len(paths)), largest))
    for model, c in counts.most_common():
        print("  %-70s %7d  %5.1f%%" % (model, c, 100.0 * c / total))
    shown = [e for e in errors if e]
    for e in shown:
        print("ERROR:", e)
    if len(errors) > len(shown):
        print("ERROR: ... and %d more" % (len(errors) - len(shown)))
    print("OK" if not errors else "FAILED")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
