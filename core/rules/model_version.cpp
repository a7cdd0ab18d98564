// model-needs-newer-authentik: with --authentik-version X.Y, a model that
// authentik introduced after X.Y.
#include <fmt/format.h>

#include "rule.h"

namespace flowprint::rules {

void check_model_version(const RuleContext& context, Findings& findings) {
    if (!context.authentik_version) return;
    for (const Blueprint& blueprint : context.set.blueprints) {
        for (const Entry& entry : blueprint.entries) {
            if (entry.model == nullptr || !entry.model->is_scalar() || entry.model->is_tagged()) {
                continue;
            }
            const ModelInfo* model = find_model(entry.model->text);
            if (model == nullptr || model->since <= *context.authentik_version) continue;
            findings.error("model-needs-newer-authentik",
                           fmt::format("model {} needs authentik {} or later (checking for "
                                       "authentik {})",
                                       model->name, release_name(model->since),
                                       release_name(*context.authentik_version)),
                           entry.model->location);
        }
    }
}

}  // namespace flowprint::rules
