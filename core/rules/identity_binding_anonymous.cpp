// identity-binding-anonymous-flow: a flow designated authentication,
// enrollment or recovery is usually opened anonymously, so a group or user
// binding checked on the flow or at planning has nobody to check (SPEC 6).
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {
namespace {

bool starts_anonymous(const StoredObject& flow) {
    const auto designation = field_or_default(flow, "designation");
    const std::string text = designation ? python_str(*designation) : std::string();
    return text == "authentication" || text == "enrollment" || text == "recovery";
}

void check_bindings(const RuleContext& context, ObjectId target, std::string_view where,
                    const std::string& slug, Findings& findings) {
    const ObjectStore& store = context.set.store;
    for (ObjectId id : context.index.policy_bindings(target)) {
        const StoredObject& binding = store.get(id);
        for (const char* field : {"group", "user"}) {
            const Value* value = binding.field(field);
            if (value == nullptr || value->is_null()) continue;
            findings.warning(
                "identity-binding-anonymous-flow",
                fmt::format("a {} binding {} of flow '{}' is checked before anyone is "
                            "identified when the flow is opened anonymously, so it fails; it "
                            "only works for flows started with a known user (source logins)",
                            field, where, slug),
                field_location(binding, field));
        }
    }
}

}  // namespace

void check_identity_binding_anonymous(const RuleContext& context, Findings& findings) {
    const ObjectStore& store = context.set.store;
    for (ObjectId flow : context.index.flows()) {
        if (!starts_anonymous(store.get(flow))) continue;
        const std::string slug = context.index.slug_of(flow);
        check_bindings(context, flow, "on the flow", slug, findings);
        for (ObjectId binding : context.index.stage_bindings(flow)) {
            if (!flag(store.get(binding), "evaluate_on_plan")) continue;
            check_bindings(context, binding, "checked at planning (evaluate_on_plan)", slug,
                           findings);
        }
    }
}

}  // namespace flowprint::rules
