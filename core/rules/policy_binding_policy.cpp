// policy-binding-policy-not-policy: a policy binding's `policy` must be a policy.
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {

void check_policy_binding_policy(const RuleContext& context, Findings& findings) {
    const ObjectStore& store = context.set.store;
    for (ObjectId id : store.of_model(models::policy_binding)) {
        const StoredObject& binding = store.get(id);
        if (binding.deleted) continue;
        const StoredObject* policy = referenced(store, binding.field("policy"));
        if (policy == nullptr || is_policy(*policy)) continue;
        findings.error("policy-binding-policy-not-policy",
                       fmt::format("the policy of a policy binding must be a policy, but it "
                                   "is an {}",
                                   policy->model),
                       field_location(binding, "policy"));
    }
}

}  // namespace flowprint::rules
