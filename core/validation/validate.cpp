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
bool repeats_schema(const Finding& finding, const std::set<std::tuple<std::string, int, int>>& schema_places) {
    if (finding.rule != "enum-value-unknown") return false;
    return schema_places.contains({finding.file, finding.line, finding.column});
}

}  // namespace

Findings validate_set(const BlueprintSet& set, const ValidateOptions& options) {
    Findings all = set.findings;
    if (options.schema != nullptr) {
        for (const Blueprint& blueprint : set.blueprints) {
            check_schema(blueprint, *options.schema, all);
        }
    }
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
        return std::tuple(order_of(a), a.line, a.column) < std::tuple(order_of(b), b.line, b.column);
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
