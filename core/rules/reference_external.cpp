// reference-external: a reference field given as a raw primary key that no
// object of the set has; it may exist on the server.
#include <fmt/format.h>

#include <unordered_set>

#include "rule.h"

namespace flowprint::rules {
namespace {

struct ReferenceField {
    std::string_view model;
    std::string_view field;
};

constexpr ReferenceField kReferenceFields[] = {
    {models::stage_binding, "target"},  {models::stage_binding, "stage"},
    {models::policy_binding, "target"}, {models::policy_binding, "policy"},
    {models::policy_binding, "group"},  {models::policy_binding, "user"},
    {models::group, "parent"},          {models::group, "parents"},
    {models::user, "groups"},
};

bool is_key_field(std::string_view name) { return name == "pk" || name.ends_with("uuid"); }

}  // namespace

void check_reference_external(const RuleContext& context, Findings& findings) {
    const ObjectStore& store = context.set.store;
    std::unordered_set<std::string> keys;
    for (ObjectId id = 0; id < store.size(); ++id) {
        for (const MappingEntry& field : store.get(id).fields) {
            if (is_key_field(field.key)) keys.insert(python_str(field.value));
        }
    }
    auto check = [&](const Value& value, std::string_view field) {
        if (!value.is<std::string>() && !value.is<std::int64_t>()) return;
        const std::string key = python_str(value);
        if (keys.contains(key)) return;
        findings.warning("reference-external",
                         fmt::format("'{}' is the raw primary key '{}', which matches nothing in "
                                     "the blueprint set: external reference (it may exist on "
                                     "the server)",
                                     field, key),
                         value.location);
    };
    for (const ReferenceField& reference : kReferenceFields) {
        for (ObjectId id : store.of_model(reference.model)) {
            const StoredObject& object = store.get(id);
            if (object.deleted) continue;
            const Value* value = object.field(reference.field);
            if (value == nullptr) continue;
            if (const auto* items = value->as<Sequence>()) {
                for (const Value& item : *items) check(item, reference.field);
            } else {
                check(*value, reference.field);
            }
        }
    }
}

}  // namespace flowprint::rules
