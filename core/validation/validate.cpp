#include "validate.h"

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>
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

/// The schema check of every document, on as many threads as there are
/// cores; the findings per document, in set order.
std::vector<Findings> check_all(const BlueprintSet& set, const CompiledSchema& schema) {
    std::vector<Findings> findings(set.blueprints.size());
    std::atomic<std::size_t> next{0};
    auto work = [&]() {
        for (std::size_t i = next++; i < findings.size(); i = next++) {
            check_schema(set.blueprints[i], schema, findings[i]);
        }
    };
    const std::size_t threads =
        std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), findings.size());
    {
        std::vector<std::jthread> pool;
        for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
        work();
    }
    return findings;
}

}  // namespace

Findings validate_set(const BlueprintSet& set, const ValidateOptions& options) {
    Findings all = set.findings;
    if (options.schema != nullptr) {
        for (const Findings& each : check_all(set, *options.schema)) all.append(each);
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
