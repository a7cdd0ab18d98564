#!/usr/bin/env python3
"""Generate a large, valid authentik blueprint set for flowprint benchmarks.

    python3 bench/generate.py --entries N --out DIR [--seed S]

The set is applied in byte order of relative paths, so it is laid out as

    00-directory/groups-*.yaml   groups (parent links), incl. bench-group-0
    00-directory/users-*.yaml    users (groups lists), incl. bench-user-0
    10-policies/                 expression, dummy, event matcher, reputation,
                                 password and password-expiry policies
    20-stages/                   shared stages and prompt fields
    30-flows/<designation>/      flows, each with 5-10 stage bindings, local
                                 stages, local policies and policy bindings
    40-bindings/                 policy/group/user bindings to flows and stage
                                 bindings defined in earlier files
    50-largest/                  the flow `bench-largest-flow` with about
                                 2% of N stage bindings (at least 20)

Every `!KeyOf` names an id defined earlier in the same file; every `!Find`
names an object defined in a file that sorts earlier. Names and slugs are
unique, stage-binding orders are unique within a flow and policy-binding
orders unique within a target. The set is meant to draw no finding from
`flowprint validate`, as a well-kept deployment would not: event matcher
policies exist but are bound nowhere (they match events, not flows), a stage
binding that does not re-evaluate its policies evaluates them at planning,
and flows opened anonymously (authentication, enrollment, recovery) get
group and user bindings only on stage bindings checked when their stage is
reached, by when a stage may have identified someone. Output is
deterministic for a given seed and contains exactly N entries. Standard
library only.
"""
import argparse
import os
import random
import shutil
import sys
import time

MARKER = ".flowprint-bench"
ENTRIES_PER_FILE = 50
MIN_ENTRIES = 100

M_FLOW = "authentik_flows.flow"
M_FSB = "authentik_flows.flowstagebinding"
M_PB = "authentik_policies.policybinding"
M_GROUP = "authentik_core.group"
M_USER = "authentik_core.user"
M_PROMPT = "authentik_stages_prompt.prompt"

# Stage kinds: short key -> model.
STAGE_MODELS = {
    "ident": "authentik_stages_identification.identificationstage",
    "password": "authentik_stages_password.passwordstage",
    "mfa": "authentik_stages_authenticator_validate.authenticatorvalidatestage",
    "captcha": "authentik_stages_captcha.captchastage",
    "login": "authentik_stages_user_login.userloginstage",
    "logout": "authentik_stages_user_logout.userlogoutstage",
    "prompt": "authentik_stages_prompt.promptstage",
    "write": "authentik_stages_user_write.userwritestage",
    "delete": "authentik_stages_user_delete.userdeletestage",
    "email": "authentik_stages_email.emailstage",
    "invite": "authentik_stages_invitation.invitationstage",
    "consent": "authentik_stages_consent.consentstage",
    "deny": "authentik_stages_deny.denystage",
    "dummy": "authentik_stages_dummy.dummystage",
    "totp": "authentik_stages_authenticator_totp.authenticatortotpstage",
    "static": "authentik_stages_authenticator_static.authenticatorstaticstage",
    "webauthn": "authentik_stages_authenticator_webauthn.authenticatorwebauthnstage",
}

# Designation -> (weight among flow files, stage kinds its flows use,
#                 flow `authentication` requirement).
DESIGNATIONS = {
    "authentication": (30, ["ident", "password", "mfa", "captcha", "login", "dummy"],
                       "require_unauthenticated"),
    "authorization": (20, ["consent", "dummy", "deny", "prompt"], "require_authenticated"),
    "enrollment": (15, ["prompt", "write", "email", "invite", "login", "captcha"],
                   "require_unauthenticated"),
    "invalidation": (8, ["logout", "dummy", "deny", "consent"], "none"),
    "recovery": (8, ["ident", "email", "prompt", "write", "login"], "require_unauthenticated"),
    "stage_configuration": (12, ["totp", "static", "webauthn", "prompt", "write", "dummy"],
                            "require_authenticated"),
    "unenrollment": (7, ["consent", "delete", "logout", "dummy"], "require_authenticated"),
}
# Flows of these designations are usually opened anonymously: a group or user
# binding checked on the flow or at planning has nobody to check.
OPENED_ANONYMOUSLY = {"authentication", "enrollment", "recovery"}
# Stages that end a session or remove the account: no place in the largest
# (authentication) flow.
NOT_IN_LARGEST = {"logout", "delete"}

# Policy kinds: short key -> (model, weight). Event matchers are defined but
# never bound: in a flow they always fail.
POLICIES = {
    "expr": ("authentik_policies_expression.expressionpolicy", 35),
    "dummy": ("authentik_policies_dummy.dummypolicy", 15),
    "event": ("authentik_policies_event_matcher.eventmatcherpolicy", 15),
    "reputation": ("authentik_policies_reputation.reputationpolicy", 10),
    "password": ("authentik_policies_password.passwordpolicy", 15),
    "expiry": ("authentik_policies_expiry.passwordexpirypolicy", 10),
}

# Share of the entries outside the largest flow, per directory.
SHARES = [("groups", 0.04), ("users", 0.05), ("policies", 0.06), ("stages", 0.08),
          ("flows", 0.74), ("bindings", 0.03)]

EXPRESSIONS = [
    'return request.user.attributes.get("tier%d") != "blocked"',
    'return ak_is_group_member(request.user, name="bench-group-%d")',
    'return request.context.get("pending_user") is not None or %d == 0',
    'return "%d" not in request.http_request.path',
]
EVENT_ACTIONS = ["login", "login_failed", "logout", "password_set", "configuration_error",
                 "suspicious_request", "model_updated"]
EVENT_APPS = ["authentik.flows", "authentik.core", "authentik.stages.password",
              "authentik.policies.reputation", "authentik.events"]
PROMPT_TYPES = ["text", "email", "username", "password", "checkbox", "date", "number"]


def find(model, *pairs):
    return "!Find [%s, %s]" % (model, ", ".join("[%s, %s]" % p for p in pairs))


def keyof(ident):
    return "!KeyOf " + ident


class Out:
    """One blueprint file being written: lines, entry count, local id counter."""

    def __init__(self, relpath, compact):
        self.relpath = relpath
        self.compact = compact  # hand-written style: identifiers as a flow mapping
        self.lines = ["version: 1", "metadata:", "  name: bench %s" % relpath[:-5], "entries:"]
        self.count = 0
        self.next_id = 0

    def new_id(self, prefix):
        self.next_id += 1
        return "%s%d" % (prefix, self.next_id)

    def entry(self, model, identifiers, attrs=(), ident=None):
        """identifiers: list of (key, value); attrs: lines relative to `attrs:`."""
        ls = self.lines
        ls.append("- model: " + model)
        if ident:
            ls.append("  id: " + ident)
        if self.compact:
            ls.append("  identifiers: {%s}" % ", ".join("%s: %s" % kv for kv in identifiers))
        else:
            ls.append("  identifiers:")
            for k, v in identifiers:
                ls.append("    %s: %s" % (k, v))
        if attrs:
            ls.append("  attrs:")
            ls.extend("    " + a for a in attrs)
        self.count += 1

    def text(self):
        return "\n".join(self.lines) + "\n"


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        # Pools of objects defined in files already finished (targets of !Find).
        self.groups = []            # names
        self.group_depth = {}       # name -> depth (roots 0)
        self.parent_ok = []         # group names with depth < 3
        self.users = []             # usernames
        self.policies = []          # (model, name), bindable in flows
        self.dummy_policies = []    # names
        self.stages = {k: [] for k in STAGE_MODELS}  # key -> names
        self.all_stages = []        # (model, name)
        self.prompts = []           # prompt field names
        self.flows = []             # (slug, designation, [orders], {orders evaluated at planning})
        self.flows_by_des = {d: [] for d in DESIGNATIONS}
        self.next_order = {}        # policy-binding target key -> next free order
        self.n = {}                 # global name counters
        self.pending = []           # pool additions of the current file

    # -- helpers -----------------------------------------------------------
    def num(self, what):
        v = self.n.get(what, 0)
        self.n[what] = v + 1
        return v

    def later(self, fn, *args):
        """Defer a pool update until the current file is finished."""
        self.pending.append((fn, args))

    def flush(self):
        for fn, args in self.pending:
            fn(*args)
        self.pending = []

    def order_for(self, target_key):
        o = self.next_order.get(target_key, 0)
        self.next_order[target_key] = o + 10
        return o

    def _add_stage(self, key, name):
        self.stages[key].append(name)
        self.all_stages.append((STAGE_MODELS[key], name))

    def _add_flow(self, slug, des, orders, planned):
        self.flows.append((slug, des, orders, planned))
        self.flows_by_des[des].append(slug)

    def _add_group(self, name, depth):
        self.groups.append(name)
        self.group_depth[name] = depth
        if depth < 3:
            self.parent_ok.append(name)

    # -- stages --------------------------------------------------------------
    def stage_attrs(self, key, out, local_prompts):
        rng = self.rng
        if key == "ident":
            a = ["user_fields:", "- username"] + (["- email"] if rng.random() < 0.6 else [])
            if self.flows_by_des["enrollment"] and rng.random() < 0.5:
                a.append("enrollment_flow: " + find(M_FLOW, ("slug", rng.choice(self.flows_by_des["enrollment"]))))
            return a
        if key == "password":
            return ["backends:", "- authentik.core.auth.InbuiltBackend",
                    "failed_attempts_before_cancel: %d" % rng.randint(3, 8)]
        if key == "mfa":
            a = ["device_classes: [totp, webauthn, static]",
                 "not_configured_action: " + rng.choice(["skip", "deny", "configure"])]
            if self.stages["totp"] and rng.random() < 0.4:
                a += ["configuration_stages:",
                      "- " + find(STAGE_MODELS["totp"], ("name", rng.choice(self.stages["totp"])))]
            return a
        if key == "captcha":
            return ["public_key: pk-%d" % rng.randint(1, 9999), "private_key: sk-%d" % rng.randint(1, 9999)]
        if key == "login":
            return ["session_duration: hours=%d" % rng.choice([1, 8, 24]),
                    "remember_me_offset: days=%d" % rng.choice([0, 7, 30])]
        if key == "prompt":
            fields = []
            for _ in range(rng.randint(1, 3)):
                if local_prompts and rng.random() < 0.5:
                    fields.append("- " + keyof(rng.choice(local_prompts)))
                elif self.prompts:
                    fields.append("- " + find(M_PROMPT, ("name", rng.choice(self.prompts))))
            return ["fields:"] + fields if fields else ["fields: []"]
        if key == "write":
            return ["user_creation_mode: " + rng.choice(["never_create", "create_when_required", "always_create"])]
        if key == "email":
            return ["use_global_settings: true", "token_expiry: %d" % rng.choice([15, 30, 60]),
                    "subject: Bench message %d" % rng.randint(1, 999)]
        if key == "invite":
            return ["continue_flow_without_invitation: %s" % rng.choice(["true", "false"])]
        if key == "consent":
            return ["mode: " + rng.choice(["always_require", "permanent", "expiring"])]
        if key == "deny":
            return ["deny_message: Denied by bench rule %d" % rng.randint(1, 999)]
        if key == "dummy":
            return ["throw_error: false"]
        if key == "totp":
            return ["digits: '%d'" % rng.choice([6, 8])]
        if key == "static":
            return ["token_count: %d" % rng.choice([6, 8, 10])]
        if key == "webauthn":
            return ["user_verification: " + rng.choice(["required", "preferred", "discouraged"])]
        return []

    def emit_stage(self, out, key, ident=None, local_prompts=()):
        name = "%s-stage-%d" % (key, self.num("stage"))
        # Many real stages keep every default; prompt stages always list fields.
        attrs = self.stage_attrs(key, out, local_prompts) \
            if key == "prompt" or self.rng.random() < 0.5 else []
        out.entry(STAGE_MODELS[key], [("name", name)], attrs, ident)
        self.later(self._add_stage, key, name)
        return name

    # -- policies ----------------------------------------------------------
    def emit_policy(self, out, kind, ident=None, result=None):
        rng = self.rng
        model = POLICIES[kind][0]
        name = "%s-policy-%d" % (kind, self.num("policy"))
        if kind == "expr":
            attrs = ["expression: |", "  " + rng.choice(EXPRESSIONS) % rng.randint(0, 99)]
        elif kind == "dummy":
            if result is None:
                result = rng.random() < 0.7
            attrs = ["result: %s" % ("true" if result else "false")]
            self.later(self.dummy_policies.append, name)
        elif kind == "event":
            attrs = ["action: " + rng.choice(EVENT_ACTIONS), "app: " + rng.choice(EVENT_APPS)]
        elif kind == "reputation":
            attrs = ["threshold: %d" % -rng.randint(1, 20), "check_ip: true",
                     "check_username: %s" % rng.choice(["true", "false"])]
        elif kind == "password":
            attrs = ["length_min: %d" % rng.choice([8, 10, 12, 16]), "amount_digits: 1",
                     "error_message: Password too weak"]
        else:
            attrs = ["days: %d" % rng.choice([30, 90, 180]), "deny_only: false"]
        out.entry(model, [("name", name)], attrs, ident)
        if kind != "event":
            self.later(self.policies.append, (model, name))
        return model, name

    def pick_policy_kind(self):
        r = self.rng.uniform(0, sum(w for _, w in POLICIES.values()))
        for k, (_, w) in POLICIES.items():
            r -= w
            if r <= 0:
                return k
        return "expr"

    def binder(self, identified=True):
        """(key, value) naming what a policy binding binds: policy, group or
        user; only a policy where nobody is identified yet."""
        rng = self.rng
        r = rng.random()
        if (r < 0.6 or not identified) and self.policies:
            m, n = rng.choice(self.policies)
            return ("policy", find(m, ("name", n)))
        if r < 0.85 and self.groups:
            return ("group", find(M_GROUP, ("name", rng.choice(self.groups))))
        if self.users:
            return ("user", find(M_USER, ("username", rng.choice(self.users))))
        m, n = rng.choice(self.policies)
        return ("policy", find(m, ("name", n)))

    def pb_attrs(self):
        r = self.rng.random()
        if r < 0.15:
            return ["negate: true"]
        if r < 0.25:
            return ["timeout: %d" % self.rng.choice([5, 10, 60]), "failure_result: true"]
        return []

    # -- files ---------------------------------------------------------------
    def groups_file(self, out, count):
        rng = self.rng
        local = []  # (id, name, depth) candidates for parents in this file
        for _ in range(count):
            i = self.num("group")
            name = "bench-group-%d" % i
            gid = out.new_id("g")
            attrs, depth = [], 0
            r = rng.random()
            if i > 0 and r < 0.35 and local:
                pid, _, pdepth = rng.choice(local[-50:])
                attrs.append("parent: " + keyof(pid))
                depth = pdepth + 1
            elif i > 0 and r < 0.6 and self.parent_ok:
                pname = rng.choice(self.parent_ok)
                attrs.append("parent: " + find(M_GROUP, ("name", pname)))
                depth = self.group_depth[pname] + 1
            if rng.random() < 0.3:
                attrs += ["attributes:", "  cost_center: cc-%d" % rng.randint(100, 999)]
            out.entry(M_GROUP, [("name", name)], attrs, gid)
            if depth < 3:
                local.append((gid, name, depth))
            self.later(self._add_group, name, depth)

    def users_file(self, out, count):
        rng = self.rng
        for _ in range(count):
            i = self.num("user")
            name = "bench-user-%d" % i
            if i == 0:
                groups = ["bench-group-0"]
            else:
                groups = sorted(set(rng.choice(self.groups) for _ in range(rng.randint(1, 2))))
            attrs = []
            r = rng.random()
            if r < 0.4:
                attrs.append("name: Bench User %d" % i)
            elif r < 0.7:
                attrs.append("email: user%d@bench.example" % i)
            attrs.append("groups:")
            attrs += ["- " + find(M_GROUP, ("name", g)) for g in groups]
            out.entry(M_USER, [("username", name)], attrs)
            self.later(self.users.append, name)

    def policies_file(self, out, count):
        for _ in range(count):
            self.emit_policy(out, self.pick_policy_kind())

    def stages_file(self, out, count):
        rng = self.rng
        local_prompts = []
        keys = list(STAGE_MODELS)
        if self.n.get("stage", 0) == 0:  # the largest flow starts with this one
            self.emit_stage(out, "ident")
        while out.count < count:
            if rng.random() < 0.25:
                i = self.num("prompt")
                name = "prompt-field-%d" % i
                pid = out.new_id("q")
                ptype = rng.choice(PROMPT_TYPES)
                out.entry(M_PROMPT, [("name", name)],
                          ["field_key: field_%d" % i, "label: Field %d" % i, "type: " + ptype,
                           "order: %d" % rng.randint(0, 300)],
                          pid)
                local_prompts.append(pid)
                self.later(self.prompts.append, name)
            else:
                self.emit_stage(out, rng.choice(keys), local_prompts=local_prompts)

    def flow_block(self, out, size, des, file_stages):
        """Write one flow with exactly `size` (>= 6) entries.

        file_stages: kind -> ids of stages defined earlier in this file; a
        binding uses a new local stage, one of those (!KeyOf) or a stage of
        an earlier file (!Find)."""
        rng = self.rng
        _, kinds, authn = DESIGNATIONS[des]
        k = rng.randint(5, min(10, size - 1))
        slots = size - 1 - k
        # The first flow of a file defines most of its stages; later ones
        # mostly reuse stages of the same file.
        share = rng.uniform(0.6, 0.9) if not file_stages else rng.uniform(0.25, 0.55)
        n_local = min(slots, int(round(k * share)))
        slots -= n_local
        n_pol = min(slots // 2, rng.choice([0, 1, 1, 2]))
        n_pb = slots - n_pol

        fi = self.num("flow")
        slug = "bench-flow-%d" % fi
        fid = out.new_id("f")
        attrs = ["name: Bench %s flow %d" % (des.replace("_", " "), fi), "designation: " + des]
        if rng.random() < 0.5:
            attrs.insert(1, "title: Bench flow %d" % fi)
        if rng.random() < 0.5:
            attrs.append("authentication: " + authn)
        if rng.random() < 0.2:
            attrs.append("policy_engine_mode: all")
        if rng.random() < 0.1:
            attrs.append("denied_action: message")
        out.entry(M_FLOW, [("slug", slug)], attrs, fid)

        bind_kinds = [rng.choice(kinds) for _ in range(k)]
        local_idx = set(rng.sample(range(k), n_local))
        # Decide every binding's stage reference first: local stages are
        # defined before the bindings, and a stage is bound once per flow.
        refs, used = [], set()
        new_locals = []
        for j, key in enumerate(bind_kinds):
            if j in local_idx:
                sid = out.new_id("s")
                self.emit_stage(out, key, sid)
                new_locals.append((key, sid))
                refs.append(keyof(sid))
                continue
            ref = None
            same_file = [x for x in file_stages.get(key, ()) if x not in used] or \
                [x for kd in kinds for x in file_stages.get(kd, ())[-8:] if x not in used]
            if same_file and rng.random() < 0.9:
                sid = rng.choice(same_file)
                used.add(sid)
                ref = keyof(sid)
            else:
                pool = self.stages[key]
                for _ in range(3):
                    if pool:
                        name = rng.choice(pool)
                        if name not in used:
                            used.add(name)
                            ref = find(STAGE_MODELS[key], ("name", name))
                            break
            if ref is None and self.all_stages:
                m, name = rng.choice(self.all_stages)
                ref = find(m, ("name", name))
            if ref is None:  # tiny sets only: no stage anywhere yet
                sid = out.new_id("s")
                self.emit_stage(out, key, sid)
                ref = keyof(sid)
                n_pb -= 1
            refs.append(ref)
        for key, sid in new_locals:
            file_stages.setdefault(key, []).append(sid)
        file_stages.setdefault("policies", [])
        pol_ids = []
        for _ in range(n_pol):
            pid = out.new_id("p")
            self.emit_policy(out, rng.choice(["expr", "expr", "dummy", "reputation", "expiry"]), pid)
            pol_ids.append(pid)
        file_stages["policies"].extend(pol_ids)

        # Targets of the policy bindings: None = the flow, j = binding j.
        pb_targets = [rng.randrange(k) if rng.random() < 0.6 else None for _ in range(n_pb)]
        bids = {j: out.new_id("b") for j in sorted(set(pb_targets) - {None})}
        orders, planned = [], set()
        for j, ref in enumerate(refs):
            order = 10 * (j + 1)
            orders.append(order)
            attrs = []
            r = rng.random()
            if r < 0.1:
                attrs = ["evaluate_on_plan: true", "re_evaluate_policies: false"]
                planned.add(order)
            elif r < 0.17:
                attrs = ["evaluate_on_plan: true"]
                planned.add(order)
            elif r < 0.2:
                attrs = ["invalid_response_action: restart"]
            out.entry(M_FSB, [("target", keyof(fid)), ("stage", ref), ("order", order)], attrs,
                      bids.get(j))

        for j, tj in enumerate(pb_targets):
            if tj is None:
                target, tkey = keyof(fid), ("flow", slug)
            else:
                target, tkey = keyof(bids[tj]), ("fsb", slug, orders[tj])
            if j < len(pol_ids):
                what = ("policy", keyof(pol_ids[j]))
            elif file_stages["policies"] and rng.random() < 0.7:
                what = ("policy", keyof(rng.choice(file_stages["policies"])))
            else:
                what = self.binder(identified(des, tj is not None and orders[tj] not in planned))
            out.entry(M_PB, [("target", target), what, ("order", self.order_for(tkey))], self.pb_attrs())
        self.later(self._add_flow, slug, des, orders, planned)
        return fid, slug

    def flows_file(self, out, count, des):
        rng = self.rng
        file_stages = {}
        last = None
        while out.count < count:
            remaining = count - out.count
            if remaining < 6:  # pad: extra bindings on the last flow of this file
                fid, slug = last
                out.entry(M_PB, [("target", keyof(fid)), self.binder(identified(des, False)),
                                 ("order", self.order_for(("flow", slug)))])
                continue
            size = rng.randint(7, 22)
            if size > remaining or remaining - size < 6:
                size = remaining if remaining <= 22 else size - 6
            last = self.flow_block(out, size, des, file_stages)

    def bindings_file(self, out, count):
        rng = self.rng
        for _ in range(count):
            slug, des, orders, planned = rng.choice(self.flows)
            if rng.random() < 0.6:
                o = rng.choice(orders)
                target = find(M_FSB, ("target__slug", slug), ("order", o))
                tkey, when_reached = ("fsb", slug, o), o not in planned
            else:
                target = find(M_FLOW, ("slug", slug))
                tkey, when_reached = ("flow", slug), False
            out.entry(M_PB, [("target", target), self.binder(identified(des, when_reached)),
                             ("order", self.order_for(tkey))], self.pb_attrs())

    def largest_file(self, out, n_bindings):
        """The one huge flow; entry count = largest_count(n_bindings).

        Its first stage identifies the user, so the group and user bindings
        on the stage bindings after it, checked when each stage is reached,
        are decided for the dry-run's user and groups."""
        rng = self.rng
        out.entry(M_FLOW, [("slug", "bench-largest-flow")],
                  ["name: Bench largest flow", "title: Bench largest flow",
                   "designation: authentication", "authentication: none"], "flow")
        self.emit_policy(out, "dummy", "pass", result=True)
        self.emit_policy(out, "dummy", "fail", result=False)
        self.emit_policy(out, "expr", "expr")
        identify = self.stages["ident"][0]
        pool = [(m, n) for m, n in self.all_stages
                if n != identify and n.split("-stage-")[0] not in NOT_IN_LARGEST]
        picks = rng.sample(pool, n_bindings - 1) if len(pool) >= n_bindings - 1 else \
            [pool[i % len(pool)] for i in range(n_bindings - 1)]
        picks.insert(0, (STAGE_MODELS["ident"], identify))
        for i, (model, name) in enumerate(picks):
            bid = "b%d" % i if i % 4 == 0 and i > 0 else None
            out.entry(M_FSB, [("target", keyof("flow")), ("stage", find(model, ("name", name))),
                              ("order", 10 * (i + 1))], (), bid)
        g0 = find(M_GROUP, ("name", "bench-group-0"))
        out.entry(M_PB, [("target", keyof("flow")), ("policy", keyof("expr")), ("order", 0)])
        out.entry(M_PB, [("target", keyof("flow")), ("policy", keyof("pass")), ("order", 10)])
        u0 = find(M_USER, ("username", "bench-user-0"))
        for i in range(4, n_bindings, 4):
            c = (i // 4) % 7
            attrs = []
            if c == 0:
                what = ("group", g0)
            elif c == 1:
                what = ("user", u0)
            elif c == 2:
                what = ("policy", keyof("pass"))
            elif c == 3:
                what = ("policy", keyof("fail"))
            elif c == 4:
                what = ("group", find(M_GROUP, ("name", rng.choice(self.groups))))
            elif c == 5:
                what = ("policy", keyof("expr"))
            else:
                what, attrs = ("policy", keyof("fail")), ["negate: true"]
            out.entry(M_PB, [("target", keyof("b%d" % i)), what, ("order", 0)], attrs)


def identified(designation, when_reached):
    """Whether a binding may be checked with a user known: in a flow opened
    anonymously, only one checked when its stage is reached."""
    return designation not in OPENED_ANONYMOUSLY or when_reached


def largest_bindings(n):
    return max(20, int(round(0.02 * n)))


def largest_count(n_bindings):
    return 1 + 3 + n_bindings + 2 + len(range(4, n_bindings, 4))


def split(rng, total, n, minsize):
    """Split `total` into about `n` jittered parts, each >= minsize."""
    if total <= 0:
        return []
    n = max(1, min(n, total // minsize))
    w = [rng.uniform(0.6, 1.4) for _ in range(n)]
    sw = sum(w)
    sizes = [max(minsize, int(total * x / sw)) for x in w]
    diff, i = total - sum(sizes), 0
    while diff:
        j = i % n
        if diff > 0:
            sizes[j] += 1
            diff -= 1
        elif sizes[j] > minsize:
            sizes[j] -= 1
            diff += 1
        i += 1
    return sizes


def plan(rng, n):
    """List of (relpath, kind, count, designation) covering exactly n entries."""
    lb = largest_bindings(n)
    rest = n - largest_count(lb)
    counts = {k: int(rest * s) for k, s in SHARES}
    counts["groups"] = max(counts["groups"], 2)
    counts["users"] = max(counts["users"], 2)
    counts["policies"] = max(counts["policies"], 6)
    counts["stages"] = max(counts["stages"], 12)
    counts["flows"] = 0
    counts["flows"] = rest - sum(counts.values())
    if counts["flows"] < 12:
        raise SystemExit("generate.py: internal error: no room for flows in %d entries" % n)
    files = []
    for kind, sub in [("groups", "00-directory/groups"), ("users", "00-directory/users"),
                      ("policies", "10-policies/policies"), ("stages", "20-stages/stages"),
                      ("bindings", "40-bindings/bindings")]:
        c = counts[kind]
        for i, size in enumerate(split(rng, c, round(c / ENTRIES_PER_FILE), 1)):
            files.append(("%s-%04d.yaml" % (sub, i), kind, size, None))
    dnames = list(DESIGNATIONS)
    weights = [DESIGNATIONS[d][0] for d in dnames]
    c = counts["flows"]
    for i, size in enumerate(split(rng, c, round(c / ENTRIES_PER_FILE), 12)):
        des = dnames[i] if i < len(dnames) else rng.choices(dnames, weights)[0]
        files.append(("30-flows/%s/flows-%04d.yaml" % (des, i), "flows", size, des))
    files.append(("50-largest/bench-largest-flow.yaml", "largest", largest_count(lb), lb))
    files.sort(key=lambda f: f[0].encode())
    return files


def prepare_out(out):
    if os.path.isdir(out) and os.listdir(out):
        if not os.path.exists(os.path.join(out, MARKER)):
            raise SystemExit("generate.py: %s is not empty and was not made by generate.py" % out)
        for name in os.listdir(out):
            p = os.path.join(out, name)
            if name == MARKER:
                os.remove(p)
            elif os.path.isdir(p) and name[:2].isdigit():
                shutil.rmtree(p)
    os.makedirs(out, exist_ok=True)


def main():
    ap = argparse.ArgumentParser(description="Generate a large, valid authentik blueprint set.")
    ap.add_argument("--entries", type=int, required=True,
                    help="number of entries (>= %d)" % MIN_ENTRIES)
    ap.add_argument("--out", required=True, help="output directory (created; regenerated if made by us)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = ap.parse_args()
    if args.entries < MIN_ENTRIES:
        ap.error("--entries must be at least %d" % MIN_ENTRIES)
    t0 = time.time()
    rng = random.Random(args.seed)
    files = plan(rng, args.entries)
    prepare_out(args.out)
    gen = Generator(args.seed * 7919 + 17)
    total_entries = total_bytes = 0
    made_dirs = set()
    for relpath, kind, count, extra in files:
        out = Out(relpath, rng.random() < 0.5)
        if kind == "groups":
            gen.groups_file(out, count)
        elif kind == "users":
            gen.users_file(out, count)
        elif kind == "policies":
            gen.policies_file(out, count)
        elif kind == "stages":
            gen.stages_file(out, count)
        elif kind == "flows":
            gen.flows_file(out, count, extra)
        elif kind == "bindings":
            gen.bindings_file(out, count)
        else:
            gen.largest_file(out, extra)
        gen.flush()
        if out.count != count:
            raise SystemExit("generate.py: internal error: %s has %d entries, planned %d"
                             % (relpath, out.count, count))
        data = out.text().encode("ascii")
        path = os.path.join(args.out, relpath)
        d = os.path.dirname(path)
        if d not in made_dirs:
            os.makedirs(d, exist_ok=True)
            made_dirs.add(d)
        with open(path, "wb") as f:
            f.write(data)
        total_entries += out.count
        total_bytes += len(data)
    with open(os.path.join(args.out, MARKER), "w") as f:
        f.write("entries=%d seed=%d files=%d bytes=%d\n"
                % (args.entries, args.seed, len(files), total_bytes))
    print("generate.py: wrote %d entries in %d files, %d bytes (%.0f bytes/entry) to %s in %.2f s"
          % (total_entries, len(files), total_bytes, total_bytes / max(1, total_entries),
             args.out, time.time() - t0))


if __name__ == "__main__":
    sys.exit(main())
