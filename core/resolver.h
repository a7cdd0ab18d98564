#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "finding.h"
#include "object_store.h"
#include "run_budget.h"
#include "run_limits.h"
#include "yaml_node.h"

namespace flowprint {

/// What an entry `id` of the current file stands for, as `!KeyOf` sees it.
struct KeyedEntry {
    enum class Status { created, skipped, deleted, failed };
    Status status = Status::created;
    ObjectId object = 0;
    Location where;
};
using KeyTable = std::unordered_map<std::string, KeyedEntry>;

/// Reads an environment variable; nothing when it is unset.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string&)>;

/// What of a blueprint's YAML tree is kept once it has been applied: the
/// trees are most of a loaded set's memory.
enum class KeptDocument {
    whole,    ///< for callers that read the trees again
    outline,  ///< each entry's own node, `model` and `id`: what validation's rules read
    nothing,  ///< for callers that read only the object store
};

/// Settings that hold for a whole run.
struct ResolveSettings {
    Limits limits;
    bool allow_file = false;
    EnvironmentLookup environment;
    /// `--context KEY=VALUE`, over every blueprint's own `context:`.
    Mapping context_overrides;
    /// What of each blueprint's YAML tree stays once it is applied.
    KeptDocument kept_document = KeptDocument::whole;
};

/// Resolves the tagged values of one blueprint, entry by entry, against the
/// object store as applied so far. Each tag lives in its own file under
/// `core/tags/`; this class holds what they share.
class Resolver {
  public:
    Resolver(const ObjectStore& store, const KeyTable& keys, const yaml::Node* context,
             std::string_view blueprint_dir, const ResolveSettings& settings, RunBudget& budget,
             Findings& findings);

    /// The value of a node after its tags have run. A tag error is a finding
    /// at the tag's position, and the value is then None.
    Value resolve(const yaml::Node& node);

    // For the tag implementations.
    struct Iteration {
        Value index;
        Value value;
    };
    const ObjectStore& store() const { return store_; }
    const KeyTable& keys() const { return keys_; }
    const ResolveSettings& settings() const { return settings_; }
    std::string_view blueprint_dir() const { return blueprint_dir_; }
    Findings& findings() { return findings_; }
    std::vector<Iteration>& iterations() { return iterations_; }
    /// Takes `count` items from the run's `!Enumerate` budget; false when spent
    /// (the first time, with a finding at the tag).
    bool spend_enumerate_budget(std::size_t count, const yaml::Node& tag_node);
    /// Whether a budget of the run ran out: tags then give None.
    bool exhausted() const { return budget_.exhausted; }
    /// The context value for key (`--context`, then the blueprint's own),
    /// resolved now; nothing when neither has it.
    std::optional<Value> context_value(const std::string& key, const Location& where);

    /// Reports a tag error and gives the None that stands for the failed tag.
    Value fail(const yaml::Node& tag_node, std::string message,
               std::string_view rule = "tag-invalid");

  private:
    Value resolve_nested(const yaml::Node& node);
    Value resolve_untagged(const yaml::Node& node);

    const ObjectStore& store_;
    const KeyTable& keys_;
    const yaml::Node* context_;
    std::string_view blueprint_dir_;
    const ResolveSettings& settings_;
    RunBudget& budget_;
    Findings& findings_;
    std::vector<Iteration> iterations_;
    std::unordered_set<std::string> context_in_progress_;
    std::size_t depth_ = 0;
    std::size_t nesting_ = 0;
    std::unordered_map<std::string, std::string> unknown_tag_hints_;
};

}  // namespace flowprint
