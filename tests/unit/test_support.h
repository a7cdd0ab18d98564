#pragma once

#include <string>
#include <utility>
#include <vector>

#include "blueprint_set.h"

namespace flowprint::testing {

/// A blueprint set made from texts in memory: (file name, YAML text) pairs,
/// applied in the order given.
BlueprintSet load_texts(const std::vector<std::pair<std::string, std::string>>& files,
                        ResolveSettings settings = {});
BlueprintSet load_text(const std::string& text, ResolveSettings settings = {});

/// Findings as "severity rule line:col" lines, for compact assertions.
std::string describe(const Findings& findings);
/// Whether a finding with this rule exists (at this line:col when given).
bool has_finding(const Findings& findings, std::string_view rule, std::uint32_t line = 0,
                 std::uint32_t column = 0);

/// The single live object of the model (fails the test when not exactly one).
const StoredObject& only(const BlueprintSet& set, std::string_view model);

}  // namespace flowprint::testing
