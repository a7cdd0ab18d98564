// duplicate-entry-id: two entries of one file with the same `id`; !KeyOf can
// only name one of them.
#include <fmt/format.h>

#include <unordered_map>

#include "rule.h"

namespace flowprint::rules {

void check_duplicate_entry_id(const RuleContext& context, Findings& findings) {
    for (const Blueprint& blueprint : context.set.blueprints) {
        std::unordered_map<std::string, const yaml::Node*> first;
        for (const Entry& entry : blueprint.entries) {
            if (entry.id == nullptr || !entry.id->is_scalar() || entry.id->is_tagged()) continue;
            auto [at, inserted] = first.try_emplace(entry.id->text, entry.id);
            if (inserted) continue;
            findings.error("duplicate-entry-id",
                           fmt::format("duplicate entry id '{}': line {} already uses it, and "
                                       "!KeyOf '{}' means that entry",
                                       entry.id->text, at->second->location.line, entry.id->text),
                           entry.id->location);
        }
    }
}

}  // namespace flowprint::rules
