#include "blueprint_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "catalogue.h"
#include "group_parents.h"

namespace flowprint {
namespace fs = std::filesystem;

namespace {

std::vector<Blueprint> read_all(const std::vector<std::string>& files, const Limits& limits,
                                std::vector<Findings>& findings) {
    std::vector<Blueprint> blueprints(files.size());
    findings.resize(files.size());
    std::atomic<std::size_t> next{0};
    auto work = [&]() {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            blueprints[i] = read_blueprint(files[i], limits, findings[i]);
        }
    };
    const std::size_t threads =
        std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), files.size());
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    return blueprints;
}

std::string canonical(const std::string& path) {
    std::error_code error;
    return fs::weakly_canonical(path, error).string();
}

/// Applies the blueprints of a set in order, meta-apply targets where they
/// are named, each blueprint at most once.
class Applier {
public:
    Applier(BlueprintSet& set, const InputFiles& inputs, const ResolveSettings& settings)
        : set_(set), inputs_(inputs), settings_(settings), budget_(settings.limits) {
        for (const Blueprint& blueprint : set.blueprints) {
            canonical_paths_.push_back(canonical(std::string(blueprint.file())));
        }
        applied_.assign(set.blueprints.size(), false);
    }

    void apply_all() {
        for (std::size_t i = 0; i < applied_.size(); ++i) apply(i);
    }

private:
    void apply(std::size_t index) {
        if (applied_[index]) return;
        applied_[index] = true;
        stack_.push_back(index);
        apply_entries(index);
        stack_.pop_back();
    }

    void apply_entries(std::size_t index) {
        const Blueprint& blueprint = set_.blueprints[index];
        if (!blueprint.usable()) return;
        KeyTable keys;
        const std::string dir = fs::path(std::string(blueprint.file())).parent_path().string();
        Resolver resolver(set_.store, keys, blueprint.context, dir, settings_, budget_,
                          set_.findings);
        for (const Entry& entry : blueprint.entries) {
            // A spent budget has its finding; what follows would only be noise.
            if (budget_.exhausted) return;
            apply_entry(entry, keys, resolver);
        }
    }

    void apply_entry(const Entry& entry, KeyTable& keys, Resolver& resolver) {
        const std::string id =
            entry.id && entry.id->is_scalar() && !entry.id->is_tagged() ? entry.id->text : "";
        auto remember = [&](KeyedEntry::Status status, ObjectId object) {
            if (!id.empty() && !keys.contains(id)) {
                keys[id] = KeyedEntry{status, object, entry.id->location};
            }
        };
        if (entry.conditions) {
            Value conditions = resolver.resolve(*entry.conditions);
            bool all = true;
            if (const auto* items = conditions.as<Sequence>()) {
                for (const Value& condition : *items) all = all && truthy(condition);
            } else {
                all = truthy(conditions);
            }
            if (!all) {
                remember(KeyedEntry::Status::skipped, 0);
                return;
            }
        }
        if (entry.model == nullptr) {
            set_.findings.error("entry-missing-model", "entry has no `model`",
                                entry.node->location);
            remember(KeyedEntry::Status::failed, 0);
            return;
        }
        const Value model_value = resolver.resolve(*entry.model);
        if (!model_value.is<std::string>()) {
            remember(KeyedEntry::Status::failed, 0);
            return;
        }
        const std::string model = to_lower(*model_value.as<std::string>());
        std::string state = "present";
        if (entry.state) {
            Value state_value = resolver.resolve(*entry.state);
            state = python_str(state_value);
            if (state != "present" && state != "created" && state != "must_created" &&
                state != "absent") {
                // Reported by validation; authentik refuses the entry.
                remember(KeyedEntry::Status::failed, 0);
                return;
            }
        }
        Value attrs = entry.attrs ? resolver.resolve(*entry.attrs) : Value{Mapping{}};
        if (entry.permissions) resolver.resolve(*entry.permissions);
        if (resolver.exhausted()) {
            // A budget ran out inside this entry: its values are incomplete.
            remember(KeyedEntry::Status::failed, 0);
            return;
        }
        if (model == models::meta_apply) {
            apply_meta(entry, attrs);
            return;
        }
        Value identifiers = entry.identifiers ? resolver.resolve(*entry.identifiers) : Value{};
        if (resolver.exhausted()) {
            remember(KeyedEntry::Status::failed, 0);
            return;
        }
        const auto* identifier_fields = identifiers.as<Mapping>();
        if (identifier_fields == nullptr || identifier_fields->empty()) {
            set_.findings.error("entry-missing-identifiers",
                                "No or invalid identifiers: every entry needs `identifiers` "
                                "that find its object",
                                entry.identifiers ? entry.identifiers->location
                                                  : entry.node->location);
            remember(KeyedEntry::Status::failed, 0);
            return;
        }
        const Mapping empty;
        const Mapping& attr_fields = attrs.as<Mapping>() ? *attrs.as<Mapping>() : empty;
        const Location where = entry.node->location;
        const auto existing = set_.store.match(model, *identifier_fields);
        if (state == "absent") {
            if (existing) set_.store.remove(*existing);
            remember(KeyedEntry::Status::deleted, 0);
            return;
        }
        if (existing) {
            if (state == "must_created") {
                set_.findings.error("must-created-exists",
                                    "state: must_created, but the object already exists in the set",
                                    entry.state ? entry.state->location : where);
                remember(KeyedEntry::Status::failed, 0);
                return;
            }
            if (state == "present") set_.store.update(*existing, attr_fields, *identifier_fields, where);
            remember(KeyedEntry::Status::created, *existing);
            return;
        }
        Mapping fields = attr_fields;
        for (const MappingEntry& identifier : *identifier_fields) {
            set_in(fields, identifier.key, identifier.value);
        }
        remember(KeyedEntry::Status::created, set_.store.create(model, std::move(fields), where));
    }

    void apply_meta(const Entry& entry, const Value& attrs) {
        const Value* identifiers = attrs.find("identifiers");
        const Value* name = identifiers ? identifiers->find("name") : nullptr;
        const Value* path = identifiers ? identifiers->find("path") : nullptr;
        const Value* required = attrs.find("required");
        const bool must_exist = required == nullptr || truthy(*required);
        const Location where = entry.node->location;
        std::optional<std::size_t> target;
        std::string wanted;
        if (name && name->is<std::string>()) {
            wanted = fmt::format("name '{}'", python_str(*name));
            target = by_name(*name->as<std::string>());
        } else if (path && path->is<std::string>()) {
            wanted = fmt::format("path '{}'", python_str(*path));
            target = by_path(*path->as<std::string>());
        } else {
            set_.findings.error("meta-apply-invalid",
                                "meta-apply needs attrs.identifiers.name or attrs.identifiers.path",
                                where);
            return;
        }
        if (!target) {
            const std::string message = fmt::format(
                "meta-apply target with {} is not in the blueprint set{}", wanted,
                must_exist ? "" : " (required: false, so authentik skips it)");
            if (must_exist) {
                set_.findings.error("meta-apply-missing", message, where);
            } else {
                set_.findings.warning("meta-apply-missing", message, where);
            }
            return;
        }
        if (auto cycle = std::find(stack_.begin(), stack_.end(), *target); cycle != stack_.end()) {
            std::string chain;
            for (auto it = cycle; it != stack_.end(); ++it) {
                chain += std::string(set_.blueprints[*it].file()) + " -> ";
            }
            chain += set_.blueprints[*target].file();
            set_.findings.error("meta-apply-cycle", fmt::format("meta-apply cycle: {}", chain),
                                where);
            return;
        }
        apply(*target);
    }

    std::optional<std::size_t> by_name(const std::string& name) const {
        for (std::size_t i = 0; i < set_.blueprints.size(); ++i) {
            if (set_.blueprints[i].usable() && set_.blueprints[i].name == name) return i;
        }
        return std::nullopt;
    }

    std::optional<std::size_t> by_path(const std::string& relative) {
        for (const std::string& dir : inputs_.search_dirs) {
            const std::string candidate = canonical((fs::path(dir) / relative).string());
            for (std::size_t i = 0; i < canonical_paths_.size(); ++i) {
                if (canonical_paths_[i] == candidate) return i;
            }
        }
        for (const std::string& dir : inputs_.search_dirs) {
            const fs::path candidate = fs::path(dir) / relative;
            std::error_code error;
            if (!fs::is_regular_file(candidate, error)) continue;
            // authentik would find it in its blueprints directory: read it too.
            Findings read_findings;
            set_.blueprints.push_back(
                read_blueprint(candidate.lexically_normal().string(), settings_.limits, read_findings));
            set_.findings.append(read_findings);
            canonical_paths_.push_back(canonical(candidate.string()));
            applied_.push_back(false);
            return set_.blueprints.size() - 1;
        }
        return std::nullopt;
    }

    BlueprintSet& set_;
    const InputFiles& inputs_;
    const ResolveSettings& settings_;
    std::vector<std::string> canonical_paths_;
    std::vector<bool> applied_;
    std::vector<std::size_t> stack_;
    RunBudget budget_;
};

}  // namespace

BlueprintSet load_blueprint_set(const InputFiles& inputs, const ResolveSettings& settings) {
    std::deque<Blueprint> blueprints;
    std::vector<Findings> read_findings;
    for (Blueprint& blueprint : read_all(inputs.files, settings.limits, read_findings)) {
        blueprints.push_back(std::move(blueprint));
    }
    Findings findings;
    for (const Findings& each : read_findings) findings.append(each);
    return apply_blueprints(std::move(blueprints), std::move(findings), inputs, settings);
}

BlueprintSet apply_blueprints(std::deque<Blueprint> blueprints, Findings findings,
                              const InputFiles& inputs, const ResolveSettings& settings) {
    BlueprintSet set;
    set.blueprints = std::move(blueprints);
    set.findings = std::move(findings);
    Applier(set, inputs, settings).apply_all();
    check_group_parent_cycles(set.store, set.findings);
    return set;
}

}  // namespace flowprint
