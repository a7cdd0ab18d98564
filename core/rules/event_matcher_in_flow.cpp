// event-matcher-in-flow: an event matcher policy only matches events; inside
// a flow there is none, so it always fails.
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {

void check_event_matcher_in_flow(const RuleContext& context, Findings& findings) {
    const ObjectStore& store = context.set.store;
    for (ObjectId id : store.of_model(models::policy_binding)) {
        const StoredObject& binding = store.get(id);
        if (binding.deleted) continue;
        const StoredObject* policy = referenced(store, binding.field("policy"));
        const StoredObject* target = referenced(store, binding.field("target"));
        if (policy == nullptr || target == nullptr) continue;
        if (policy->model != "authentik_policies_event_matcher.eventmatcherpolicy") continue;
        if (target->model != models::flow && target->model != models::stage_binding) continue;
        const Value* name = policy->field("name");
        findings.warning("event-matcher-in-flow",
                         fmt::format("event matcher policy '{}' is bound in a flow, where it "
                                     "always fails (it only matches events)",
                                     name ? python_str(*name) : std::string("?")),
                         field_location(binding, "policy"));
    }
}

}  // namespace flowprint::rules
