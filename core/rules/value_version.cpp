// value-needs-newer-authentik: with --authentik-version X.Y, a field value
// that authentik introduced after X.Y (such as the flow designation
// user_selection).
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {

void check_value_version(const RuleContext& context, Findings& findings) {
    if (!context.authentik_version) return;
    const ObjectStore& store = context.set.store;
    for (const EnumValueInfo& info : versioned_enum_values()) {
        if (info.since <= *context.authentik_version) continue;
        for (ObjectId id : store.of_model(info.model)) {
            const StoredObject& object = store.get(id);
            const Value* value = object.field(info.field);
            if (object.deleted || value == nullptr || value->secret ||
                python_str(*value) != info.value) {
                continue;
            }
            findings.error("value-needs-newer-authentik",
                           fmt::format("{} '{}' needs authentik {} or later (checking for "
                                       "authentik {})",
                                       info.field, info.value, release_name(info.since),
                                       release_name(*context.authentik_version)),
                           field_location(object, info.field));
        }
    }
}

}  // namespace flowprint::rules
