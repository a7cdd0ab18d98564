// policy-binding-target-invalid: policies bind to flows, stage bindings,
// applications, sources and the like; a stage, a policy, a group or a user
// cannot carry policy bindings.
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {

void check_policy_binding_target(const RuleContext& context, Findings& findings) {
    const ObjectStore& store = context.set.store;
    for (ObjectId id : store.of_model(models::policy_binding)) {
        const StoredObject& binding = store.get(id);
        if (binding.deleted) continue;
        const StoredObject* target = referenced(store, binding.field("target"));
        if (target == nullptr) continue;
        const bool cannot = is_stage(*target) || is_policy(*target) ||
                            target->model == models::group || target->model == models::user ||
                            target->model == models::policy_binding;
        if (!cannot) continue;
        std::string hint;
        if (is_stage(*target)) hint = " (bind to the flow's stage binding instead)";
        findings.error("policy-binding-target-invalid",
                       fmt::format("the target of a policy binding cannot be an {}: it cannot "
                                   "carry policy bindings{}",
                                   target->model, hint),
                       field_location(binding, "target"));
    }
}

}  // namespace flowprint::rules
