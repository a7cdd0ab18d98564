#pragma once

#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include "../blueprint_set.h"
#include "../catalogue.h"
#include "../finding.h"
#include "compiled_schema.h"

namespace flowprint::validation {

/// The schema check of every document of a set. Given to load_blueprint_set
/// as its ReadHook, it checks each file on the thread that read it, while the
/// set is being applied.
class SchemaChecks {
  public:
    /// `schema` may still be compiling: the first check waits for it.
    SchemaChecks(std::shared_future<const CompiledSchema*> schema, std::size_t files);

    /// Checks blueprint `index` of the set (each index once, from any thread).
    void check(std::size_t index, const Blueprint& blueprint);
    ReadHook hook() {
        return [this](std::size_t index, const Blueprint& blueprint) { check(index, blueprint); };
    }

    /// What the checks found, in set order; a document the hook has not seen
    /// (a set applied without it) is checked now.
    Findings take(const BlueprintSet& set);

  private:
    std::shared_future<const CompiledSchema*> schema_;
    std::vector<Findings> findings_;
    std::vector<char> checked_;  ///< one byte each: written by different threads
    /// Blueprints past the input files (meta-apply targets read while applying).
    std::mutex late_mutex_;
    std::map<std::size_t, Findings> late_;
};

/// For which authentik release `flowprint validate` checks a set (nothing:
/// any known release).
struct ValidateOptions {
    std::optional<Release> authentik_version;
};

/// Every finding of the three layers of SPEC 7 for an applied blueprint set:
/// what reading and applying it found, the schema check of each document and
/// the semantic rules. Each problem is reported once, in file order, then by
/// line and column.
Findings validate_set(const BlueprintSet& set, SchemaChecks& schema_checks,
                      const ValidateOptions& options);

}  // namespace flowprint::validation
