#include "blueprint_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "catalogue.h"
#include "group_parents.h"
#include "parallel_reader.h"

namespace flowprint {
namespace fs = std::filesystem;

namespace {

std::string canonical(const std::string& path) {
    std::error_code error;
    return fs::weakly_canonical(path, error).string();
}

/// Applies the blueprints of a set in order, meta-apply targets where they
/// are named, each blueprint at most once.
class Applier {
  public:
    /// With a reader, the set's first blueprints are placeholders for the
    /// files it reads, each taken from it when first needed.
    /// `after_read` also sees the meta-apply targets read while applying.
    Applier(BlueprintSet& set, const InputFiles& inputs, const ResolveSettings& settings,
            ParallelReader* reader = nullptr, ReadHook after_read = {})
        : set_(set),
          inputs_(inputs),
          settings_(settings),
          reader_(reader),
          after_read_(std::move(after_read)),
          budget_(settings.limits) {
        for (std::size_t i = 0; i < set.blueprints.size(); ++i) {
            canonical_paths_.push_back(
                canonical(reader ? inputs.files[i] : std::string(set.blueprints[i].file())));
        }
        applied_.assign(set.blueprints.size(), false);
        taken_.assign(reader ? reader->size() : 0, false);
    }

    void apply_all() {
        for (std::size_t i = 0; i < applied_.size(); ++i) apply(i);
        check_group_parent_cycles(set_.store, set_.findings);
    }

  private:
    void apply(std::size_t index) {
        if (applied_[index]) return;
        applied_[index] = true;
        stack_.push_back(index);
        apply_entries(index);
        switch (settings_.kept_document) {
            case KeptDocument::whole: break;
            case KeptDocument::outline: set_.blueprints[index].reduce_to_outline(); break;
            case KeptDocument::nothing: set_.blueprints[index].drop_document(); break;
        }
        stack_.pop_back();
    }

    const Blueprint& blueprint(std::size_t index) {
        if (index < taken_.size() && !taken_[index]) {
            set_.blueprints[index] = reader_->take(index);
            taken_[index] = true;
        }
        return set_.blueprints[index];
    }

    void apply_entries(std::size_t index) {
        const Blueprint& blueprint = this->blueprint(index);
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
            set_.findings.error(
                "entry-missing-identifiers",
                "No or invalid identifiers: every entry needs `identifiers` "
                "that find its object",
                entry.identifiers ? entry.identifiers->location : entry.node->location);
            remember(KeyedEntry::Status::failed, 0);
            return;
        }
        Mapping empty;
        Mapping& attr_fields = attrs.as<Mapping>() ? *attrs.as<Mapping>() : empty;
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
            if (state == "present")
                set_.store.update(*existing, attr_fields, *identifier_fields, where);
            remember(KeyedEntry::Status::created, *existing);
            return;
        }
        // The resolved attrs are not needed any more: move them into the object.
        Mapping fields = std::move(attr_fields);
        fields.reserve(fields.size() + identifier_fields->size());
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
            const std::string message =
                fmt::format("meta-apply target with {} is not in the blueprint set{}", wanted,
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

    std::optional<std::size_t> by_name(const std::string& name) {
        for (std::size_t i = 0; i < set_.blueprints.size(); ++i) {
            if (blueprint(i).usable() && set_.blueprints[i].name == name) return i;
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
            set_.blueprints.push_back(read_blueprint(candidate.lexically_normal().string(),
                                                     settings_.limits, read_findings));
            set_.findings.append(read_findings);
            canonical_paths_.push_back(canonical(candidate.string()));
            applied_.push_back(false);
            const std::size_t index = set_.blueprints.size() - 1;
            if (after_read_) after_read_(index, set_.blueprints[index]);
            return index;
        }
        return std::nullopt;
    }

    BlueprintSet& set_;
    const InputFiles& inputs_;
    const ResolveSettings& settings_;
    std::vector<std::string> canonical_paths_;
    std::vector<bool> applied_;
    ParallelReader* reader_;
    ReadHook after_read_;
    std::vector<bool> taken_;
    std::vector<std::size_t> stack_;
    RunBudget budget_;
};

}  // namespace

BlueprintSet load_blueprint_set(const InputFiles& inputs, const ResolveSettings& settings,
                                ReadHook after_read) {
    BlueprintSet set;
    set.blueprints.resize(inputs.files.size());
    ParallelReader reader(inputs.files, settings.limits, after_read);
    Applier(set, inputs, settings, &reader, after_read).apply_all();
    // Reading findings come first, file by file, as if every file had been
    // read before applying began.
    Findings findings;
    for (std::size_t i = 0; i < reader.size(); ++i) findings.append(reader.findings(i));
    findings.append(set.findings);
    set.findings = std::move(findings);
    return set;
}

BlueprintSet apply_blueprints(std::deque<Blueprint> blueprints, Findings findings,
                              const InputFiles& inputs, const ResolveSettings& settings) {
    BlueprintSet set;
    set.blueprints = std::move(blueprints);
    set.findings = std::move(findings);
    Applier(set, inputs, settings).apply_all();
    return set;
}

}  // namespace flowprint
