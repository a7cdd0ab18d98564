// policy-binding-subject: a policy binding binds exactly one of policy,
// group and user (authentik refuses none, and several).
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {

void check_policy_binding_subject(const RuleContext& context, Findings& findings) {
    const ObjectStore& store = context.set.store;
    for (ObjectId id : store.of_model(models::policy_binding)) {
        const StoredObject& binding = store.get(id);
        if (binding.deleted) continue;
        std::vector<std::string> set;
        for (const char* field : {"policy", "group", "user"}) {
            const Value* value = binding.field(field);
            if (value != nullptr && !value->is_null()) set.emplace_back(field);
        }
        if (set.size() == 1) continue;
        if (set.empty()) {
            findings.error("policy-binding-subject",
                           "a policy binding needs one of `policy`, `group` or `user`; it has none",
                           binding.defined_at);
        } else {
            findings.error("policy-binding-subject",
                           fmt::format("a policy binding binds exactly one of `policy`, `group` "
                                       "or `user`; this one sets {}",
                                       fmt::join(set, " and ")),
                           field_location(binding, set[1]));
        }
    }
}

}  // namespace flowprint::rules
