#pragma once

#include <optional>
#include <string_view>

#include "finding.h"
#include "run_limits.h"
#include "yaml_node.h"

namespace flowprint::yaml {

/// Parses one YAML document into nodes with positions. Duplicate mapping keys,
/// invalid UTF-8, more than one document and exceeded limits are findings;
/// the result is empty when the text is not usable as a document.
std::optional<Node> read_document(std::string_view text, std::string_view file,
                                  const Limits& limits, Findings& findings);

}  // namespace flowprint::yaml
