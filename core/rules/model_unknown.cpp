// model-unknown: an entry whose model, once its tags are resolved, is not an
// authentik model. (A model written plainly is the schema check's.)
#include <fmt/format.h>

#include <map>
#include <tuple>

#include "../edit_distance.h"
#include "rule.h"

namespace flowprint::rules {

void check_model_unknown(const RuleContext& context, Findings& findings) {
    // Entries whose model is tagged, by the position of the entry.
    std::map<std::tuple<std::string_view, std::uint32_t, std::uint32_t>, const Entry*> tagged;
    for (const Blueprint& blueprint : context.set.blueprints) {
        for (const Entry& entry : blueprint.entries) {
            if (entry.model == nullptr || !entry.model->is_tagged()) continue;
            const Location& at = entry.node->location;
            tagged[{at.file, at.line, at.column}] = &entry;
        }
    }
    if (tagged.empty()) return;
    std::vector<std::string_view> names;
    for (const ModelInfo& model : all_models()) names.push_back(model.name);
    const ObjectStore& store = context.set.store;
    for (ObjectId id = 0; id < store.size(); ++id) {
        const StoredObject& object = store.get(id);
        if (find_model(object.model) != nullptr) continue;
        const Location& at = object.defined_at;
        auto entry = tagged.find({at.file, at.line, at.column});
        if (entry == tagged.end()) continue;
        findings.error("model-unknown",
                       fmt::format("the model resolves to '{}', which is not an authentik "
                                   "model{}",
                                   object.model, did_you_mean(object.model, names)),
                       entry->second->model->location);
    }
}

}  // namespace flowprint::rules
