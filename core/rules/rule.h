#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "../blueprint_set.h"
#include "../catalogue.h"
#include "../finding.h"
#include "../flow_index.h"

namespace flowprint::rules {

/// What a semantic rule looks at: the applied blueprint set (its documents
/// and object store), the flows and bindings found in it, and the authentik
/// release the set must work on (nothing: any known release).
struct RuleContext {
    const BlueprintSet& set;
    const FlowIndex& index;
    std::optional<Release> authentik_version;
};

using RuleCheck = void (*)(const RuleContext& context, Findings& findings);

/// One check of `flowprint validate`, with the stable id its findings carry,
/// the severity they have and a one-line description. A rule without a check
/// is reported by an earlier layer (the YAML reader, the loader, the tags or
/// the schema check) and is listed here so that every rule id is documented.
struct Rule {
    std::string_view id;
    Severity severity;
    std::string_view description;
    RuleCheck check = nullptr;
};

/// Every rule, checks and documented ids alike, in a stable order.
std::span<const Rule> all_rules();
const Rule* find_rule(std::string_view id);

/// Runs every semantic rule over the applied set.
void run_rules(const RuleContext& context, Findings& findings);

// Helpers the rules share.
/// The location of a field's value, else of the object's defining entry.
Location field_location(const StoredObject& object, std::string_view field);
/// The kind of the object a reference value points at, if it points into the set.
const StoredObject* referenced(const ObjectStore& store, const Value* value);
bool is_stage(const StoredObject& object);
bool is_policy(const StoredObject& object);

}  // namespace flowprint::rules
