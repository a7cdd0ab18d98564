// stage-binding-stage-not-stage: a flow-stage binding's `stage` must be a stage.
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {

void check_stage_binding_stage(const RuleContext& context, Findings& findings) {
    const ObjectStore& store = context.set.store;
    for (ObjectId id : store.of_model(models::stage_binding)) {
        const StoredObject& binding = store.get(id);
        if (binding.deleted) continue;
        const StoredObject* stage = referenced(store, binding.field("stage"));
        if (stage == nullptr || is_stage(*stage)) continue;
        findings.error("stage-binding-stage-not-stage",
                       fmt::format("the stage of a stage binding must be a stage, but it is "
                                   "an {}",
                                   stage->model),
                       field_location(binding, "stage"));
    }
}

}  // namespace flowprint::rules
