// enum-value-unknown: an enumerated field of the models of SPEC 4 whose value,
// once its tags are resolved, is not one authentik accepts. (Values written
// plainly are the schema check's; the validator drops this rule's finding
// where the schema already reported the same place.)
#include <fmt/format.h>

#include <array>

#include "../edit_distance.h"
#include "rule.h"

namespace flowprint::rules {
namespace {

struct EnumField {
    std::string_view model;
    std::string_view field;
    std::array<std::string_view, 8> values;
};

constexpr EnumField kEnumFields[] = {
    {models::flow,
     "designation",
     {"authentication", "authorization", "invalidation", "enrollment", "unenrollment", "recovery",
      "stage_configuration", "user_selection"}},
    {models::flow,
     "authentication",
     {"none", "require_authenticated", "require_unauthenticated", "require_superuser",
      "require_redirect", "require_outpost"}},
    {models::flow, "policy_engine_mode", {"any", "all"}},
    {models::flow, "denied_action", {"message_continue", "message", "continue"}},
    {models::stage_binding, "policy_engine_mode", {"any", "all"}},
    {models::stage_binding,
     "invalid_response_action",
     {"retry", "restart", "restart_with_context"}},
};

}  // namespace

void check_enum_value(const RuleContext& context, Findings& findings) {
    const ObjectStore& store = context.set.store;
    for (const EnumField& spec : kEnumFields) {
        std::vector<std::string_view> allowed;
        for (std::string_view v : spec.values) {
            if (!v.empty()) allowed.push_back(v);
        }
        for (ObjectId id : store.of_model(spec.model)) {
            const StoredObject& object = store.get(id);
            const Value* value = object.field(spec.field);
            if (object.deleted || value == nullptr || value->is<ExternalRef>() ||
                value->is<Unknown>()) {
                continue;
            }
            const std::string text = value->secret ? std::string() : python_str(*value);
            if (!value->secret &&
                std::find(allowed.begin(), allowed.end(), text) != allowed.end()) {
                continue;
            }
            if (value->secret && value->is<std::string>() &&
                std::find(allowed.begin(), allowed.end(), *value->as<std::string>()) !=
                    allowed.end()) {
                continue;
            }
            findings.error(
                "enum-value-unknown",
                fmt::format("'{}' of {} is {}, which is not one of: {}{}", spec.field, spec.model,
                            value->secret ? "an environment value" : fmt::format("'{}'", text),
                            fmt::join(allowed, ", "),
                            value->secret ? "" : did_you_mean(text, allowed)),
                field_location(object, spec.field));
        }
    }
}

}  // namespace flowprint::rules
