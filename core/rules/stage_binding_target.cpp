// stage-binding-target-not-flow: a flow-stage binding must bind to a flow.
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {

void check_stage_binding_target(const RuleContext& context, Findings& findings) {
    const ObjectStore& store = context.set.store;
    for (ObjectId id : store.of_model(models::stage_binding)) {
        const StoredObject& binding = store.get(id);
        if (binding.deleted) continue;
        const StoredObject* target = referenced(store, binding.field("target"));
        if (target == nullptr || target->model == models::flow) continue;
        findings.error("stage-binding-target-not-flow",
                       fmt::format("the target of a stage binding must be a flow, but it is "
                                   "an {}",
                                   target->model),
                       field_location(binding, "target"));
    }
}

}  // namespace flowprint::rules
