#pragma once

#include <optional>

#include "../blueprint_set.h"
#include "../catalogue.h"
#include "../finding.h"
#include "compiled_schema.h"

namespace flowprint::validation {

/// How `flowprint validate` checks a set: against which schema, and for
/// which authentik release (nothing: any known release).
struct ValidateOptions {
    const CompiledSchema* schema = nullptr;
    std::optional<Release> authentik_version;
};

/// Every finding of the three layers of SPEC 7 for an applied blueprint set:
/// what reading and applying it found, the schema check of each document and
/// the semantic rules. Each problem is reported once, in file order, then by
/// line and column.
Findings validate_set(const BlueprintSet& set, const ValidateOptions& options);

}  // namespace flowprint::validation
