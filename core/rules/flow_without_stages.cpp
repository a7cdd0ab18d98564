// flow-without-stages: a flow with no stage bindings ends at once.
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {

void check_flow_without_stages(const RuleContext& context, Findings& findings) {
    for (ObjectId flow : context.index.flows()) {
        if (!context.index.stage_bindings(flow).empty()) continue;
        findings.warning("flow-without-stages",
                         fmt::format("flow '{}' has no stage bindings in the blueprint set",
                                     context.index.slug_of(flow)),
                         context.set.store.get(flow).defined_at);
    }
}

}  // namespace flowprint::rules
