#include "validate.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "../flow_index.h"
#include "../rules/rule.h"
#include "schema_check.h"

namespace flowprint::validation {
namespace {

/// A semantic finding that repeats, at the same place, what the schema check
/// already said.
bool repeats_schema(const Finding& finding,
                    const std::set<std::tuple<std::string, int, int>>& schema_places) {
    if (finding.rule != "enum-value-unknown") return false;
    return schema_places.contains({finding.file, finding.line, finding.column});
}

}  // namespace

SchemaChecks::SchemaChecks(std::shared_future<const CompiledSchema*> schema, std::size_t files)
    : schema_(std::move(schema)), findings_(files), checked_(files, 0) {}

void SchemaChecks::check(std::size_t index, const Blueprint& blueprint) {
    if (index < findings_.size()) {
        check_schema(blueprint, *schema_.get(), findings_[index]);
        checked_[index] = 1;
        return;
    }
    Findings found;
    check_schema(blueprint, *schema_.get(), found);
    std::lock_guard lock(late_mutex_);
    late_[index] = std::move(found);
}

Findings SchemaChecks::take(const BlueprintSet& set) {
    Findings all;
    for (std::size_t i = 0; i < set.blueprints.size(); ++i) {
        if (i < checked_.size() && checked_[i]) {
            all.append(findings_[i]);
        } else if (auto seen = late_.find(i); seen != late_.end()) {
            all.append(seen->second);
        } else {
            Findings late;
            check_schema(set.blueprints[i], *schema_.get(), late);
            all.append(late);
        }
    }
    return all;
}

Findings validate_set(const BlueprintSet& set, SchemaChecks& schema_checks,
                      const ValidateOptions& options) {
    Findings all = set.findings;
    all.append(schema_checks.take(set));
    const FlowIndex index(set.store);
    Findings semantic;
    rules::run_rules(rules::RuleContext{set, index, options.authentik_version}, semantic);

    std::set<std::tuple<std::string, int, int>> schema_places;
    for (const Finding& f : all.all()) {
        if (f.rule.starts_with("schema-")) schema_places.insert({f.file, f.line, f.column});
    }
    for (const Finding& f : semantic.all()) {
        if (!repeats_schema(f, schema_places)) all.all().push_back(f);
    }

    std::unordered_map<std::string_view, std::size_t> file_order;
    for (const Blueprint& blueprint : set.blueprints) {
        file_order.try_emplace(blueprint.file(), file_order.size());
    }
    auto order_of = [&](const Finding& f) {
        auto found = file_order.find(f.file);
        return found == file_order.end() ? file_order.size() : found->second;
    };
    std::vector<Finding>& list = all.all();
    std::stable_sort(list.begin(), list.end(), [&](const Finding& a, const Finding& b) {
        return std::tuple(order_of(a), a.line, a.column) <
               std::tuple(order_of(b), b.line, b.column);
    });
    list.erase(std::unique(list.begin(), list.end(),
                           [](const Finding& a, const Finding& b) {
                               return a.rule == b.rule && a.file == b.file && a.line == b.line &&
                                      a.column == b.column && a.message == b.message;
                           }),
               list.end());
    return all;
}

}  // namespace flowprint::validation
