// Every rule id of `flowprint validate`: the semantic rules (one file each in
// this directory; adding one is a new file and a line here), and the ids the
// YAML reader, the loader, the tags and the schema check report themselves.
#include <algorithm>
#include <array>

#include "rule.h"

namespace flowprint::rules {

// Declared by the rule files.
void check_duplicate_entry_id(const RuleContext&, Findings&);
void check_stage_binding_target(const RuleContext&, Findings&);
void check_stage_binding_stage(const RuleContext&, Findings&);
void check_policy_binding_subject(const RuleContext&, Findings&);
void check_policy_binding_policy(const RuleContext&, Findings&);
void check_policy_binding_target(const RuleContext&, Findings&);
void check_stage_binding_order(const RuleContext&, Findings&);
void check_flow_without_stages(const RuleContext&, Findings&);
void check_policies_never_evaluated(const RuleContext&, Findings&);
void check_identity_binding_anonymous(const RuleContext&, Findings&);
void check_event_matcher_in_flow(const RuleContext&, Findings&);
void check_reference_external(const RuleContext&, Findings&);
void check_enum_value(const RuleContext&, Findings&);
void check_model_version(const RuleContext&, Findings&);
void check_model_unknown(const RuleContext&, Findings&);
void check_value_version(const RuleContext&, Findings&);

namespace {

constexpr auto E = Severity::error;
constexpr auto W = Severity::warning;
constexpr auto I = Severity::info;

constexpr std::array kRules = std::to_array<Rule>({
    // YAML (SPEC 7, layer 1), reported by the reader.
    {"yaml-syntax", E, "YAML syntax error"},
    {"yaml-duplicate-key", E, "a mapping repeats a key (authentik would keep only one value)"},
    {"yaml-invalid-utf8", E, "the file is not valid UTF-8"},
    {"yaml-invalid-character", E,
     "the file contains a NUL byte or a control character YAML refuses"},
    {"yaml-multiple-documents", E, "more than one YAML document in one file"},
    {"limit-file-size", E, "the file is larger than --max-file-bytes"},
    {"limit-scalar-size", E, "a scalar is larger than --max-scalar-bytes"},
    {"limit-depth", E, "nesting deeper than --max-depth"},
    {"limit-nodes", E, "more nodes than --max-nodes after alias expansion"},
    {"limit-enumerate", E, "!Enumerate produced more values than --max-enumerate"},
    {"limit-tag-values", E, "tags produced more values than --max-tag-values in one run"},
    {"file-unreadable", E, "a blueprint file cannot be read"},
    {"too-many-findings", I, "more findings of one rule in one file than are shown (1000)"},
    // Blueprint structure and application, reported by the loader.
    {"not-a-blueprint", E, "the document is not a blueprint (empty, not a mapping, no entries)"},
    {"entries-invalid", E, "`entries` is neither a list nor a mapping of lists"},
    {"entry-not-mapping", E, "an entry is not a mapping"},
    {"entry-missing-model", E, "an entry has no `model`"},
    {"entry-missing-identifiers", E, "an entry has no or empty identifiers"},
    {"must-created-exists", E, "state: must_created on an object that already exists"},
    {"meta-apply-invalid", E, "a meta-apply entry names no blueprint"},
    {"meta-apply-missing", E,
     "a meta-apply target is not in the set (warning with required: false)"},
    {"meta-apply-cycle", E, "meta-apply blueprints include each other"},
    {"group-parent-cycle", E,
     "groups are each other's parents: authentik cannot resolve their members"},
    // Tags (SPEC 2.1), reported while resolving.
    {"tag-unknown", E, "an unknown tag (with the closest known tag)"},
    {"tag-arguments", E, "a tag's arguments have the wrong shape or arity"},
    {"tag-invalid", E, "a tag cannot be resolved"},
    {"keyof-unknown-id", E, "!KeyOf names no earlier entry id of the same file"},
    {"keyof-skipped-entry", E, "!KeyOf names an entry whose conditions are false"},
    {"keyof-deleted-entry", E, "!KeyOf names an entry with state: absent"},
    {"find-external", W, "!Find matches nothing in the set: external reference"},
    {"find-unsupported-lookup", I, "a !Find lookup that cannot be evaluated offline"},
    {"context-missing", I, "!Context key not set and without default"},
    {"context-cycle", E, "a context value refers to itself"},
    {"env-scalar-default", W, "scalar !Env with a comma: one variable name, not NAME, DEFAULT"},
    {"file-not-read", I, "!File is not read offline without --allow-file"},
    {"file-tag-unreadable", W, "!File names a file that cannot be read"},
    {"format-invalid", E, "!Format with a bad format or argument count"},
    {"enumerate-outside", E, "!Index or !Value outside a deep enough !Enumerate"},
    {"enumerate-unknown", I, "!Enumerate over a value only the server knows"},
    {"atindex-missing", E, "!AtIndex of a missing element without default"},
    {"parsejson-invalid", E, "!ParseJSON of invalid JSON"},
    // Schema (SPEC 7, layer 2).
    {"schema-unknown-model", E, "an unknown model (with the closest known model)"},
    {"schema-unknown-field", E, "a field the model does not have (with the closest field)"},
    {"schema-required", E, "a required key or field is missing"},
    {"schema-type", E, "a value of the wrong type"},
    {"schema-enum", E, "a value outside the allowed set (with the closest allowed value)"},
    {"schema-value", E, "a value the schema rejects (pattern, length, range, ...)"},
    {"schema-internal", E, "the schema could not be applied to the file"},
    // Semantics (SPEC 7, layer 3): one file per rule.
    {"duplicate-entry-id", E, "two entries of one file have the same id", check_duplicate_entry_id},
    {"stage-binding-target-not-flow", E, "a stage binding's target is not a flow",
     check_stage_binding_target},
    {"stage-binding-stage-not-stage", E, "a stage binding's stage is not a stage",
     check_stage_binding_stage},
    {"policy-binding-subject", E, "a policy binding has none or several of policy, group, user",
     check_policy_binding_subject},
    {"policy-binding-policy-not-policy", E, "a policy binding's policy is not a policy",
     check_policy_binding_policy},
    {"policy-binding-target-invalid", E,
     "a policy binding's target cannot carry bindings (a stage, policy, group or user)",
     check_policy_binding_target},
    {"stage-binding-order-ambiguous", W, "two stage bindings of one flow have the same order",
     check_stage_binding_order},
    {"flow-without-stages", W, "a flow has no stage bindings", check_flow_without_stages},
    {"policies-never-evaluated", W,
     "policies bound to a stage binding that evaluates them neither at planning nor when reached",
     check_policies_never_evaluated},
    {"identity-binding-anonymous-flow", W,
     "a group or user binding checked before anyone is identified in an authentication, "
     "enrollment or recovery flow",
     check_identity_binding_anonymous},
    {"event-matcher-in-flow", W, "an event matcher policy bound in a flow always fails there",
     check_event_matcher_in_flow},
    {"reference-external", W, "a raw primary key that matches nothing in the set",
     check_reference_external},
    {"enum-value-unknown", E, "a field's value, after tags are resolved, is not one it allows",
     check_enum_value},
    {"model-unknown", E, "an entry's model, after tags are resolved, is not an authentik model",
     check_model_unknown},
    {"model-needs-newer-authentik", E, "a model that --authentik-version does not have yet",
     check_model_version},
    {"value-needs-newer-authentik", E, "a field value that --authentik-version does not have yet",
     check_value_version},
});

}  // namespace

std::span<const Rule> all_rules() { return kRules; }

const Rule* find_rule(std::string_view id) {
    auto found = std::find_if(kRules.begin(), kRules.end(),
                              [id](const Rule& rule) { return rule.id == id; });
    return found == kRules.end() ? nullptr : &*found;
}

void run_rules(const RuleContext& context, Findings& findings) {
    for (const Rule& rule : kRules) {
        if (rule.check != nullptr) rule.check(context, findings);
    }
}

}  // namespace flowprint::rules
