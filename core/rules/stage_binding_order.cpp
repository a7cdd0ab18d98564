// stage-binding-order-ambiguous: two stage bindings of one flow with the same
// order run in an order authentik does not promise.
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {

void check_stage_binding_order(const RuleContext& context, Findings& findings) {
    const ObjectStore& store = context.set.store;
    for (ObjectId flow : context.index.flows()) {
        const auto bindings = context.index.stage_bindings(flow);
        for (std::size_t i = 1; i < bindings.size(); ++i) {
            const StoredObject& before = store.get(bindings[i - 1]);
            const StoredObject& binding = store.get(bindings[i]);
            if (before.field("order") == nullptr || binding.field("order") == nullptr ||
                binding_order(before) != binding_order(binding)) {
                continue;
            }
            findings.warning("stage-binding-order-ambiguous",
                             fmt::format("flow '{}' has two stage bindings with order {} (the "
                                         "other is at line {}): their order is ambiguous",
                                         context.index.slug_of(flow), binding_order(binding),
                                         before.defined_at.line),
                             field_location(binding, "order"));
        }
    }
}

}  // namespace flowprint::rules
