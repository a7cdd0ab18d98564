// policies-never-evaluated: a stage binding with evaluate_on_plan and
// re_evaluate_policies both false never evaluates the policies bound to it.
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {

void check_policies_never_evaluated(const RuleContext& context, Findings& findings) {
    const ObjectStore& store = context.set.store;
    for (ObjectId flow : context.index.flows()) {
        for (ObjectId id : context.index.stage_bindings(flow)) {
            const StoredObject& binding = store.get(id);
            if (context.index.policy_bindings(id).empty()) continue;
            if (flag(binding, "evaluate_on_plan") || flag(binding, "re_evaluate_policies")) {
                continue;
            }
            findings.warning(
                "policies-never-evaluated",
                fmt::format(
                    "the {} bound to this stage binding of flow '{}' {} never "
                    "evaluated: evaluate_on_plan and re_evaluate_policies "
                    "are both false",
                    context.index.policy_bindings(id).size() == 1
                        ? std::string("policy")
                        : fmt::format("{} policies", context.index.policy_bindings(id).size()),
                    context.index.slug_of(flow),
                    context.index.policy_bindings(id).size() == 1 ? "is" : "are"),
                field_location(binding, "re_evaluate_policies"));
        }
    }
}

}  // namespace flowprint::rules
