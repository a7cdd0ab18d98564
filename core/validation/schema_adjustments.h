#pragma once

#include <nlohmann/json.hpp>

namespace flowprint::validation {

/// Rewrites a JSON Schema into an equivalent one whose errors point at the
/// real problem, and that valijson can apply to any value:
///
/// * `format` only constrains strings (draft-07), but valijson throws when it
///   meets another type: it is guarded by `if: {type: string}`. Formats that
///   valijson does not check are dropped.
/// * A `oneOf` whose branches each fix one property with `const` (authentik's
///   schema selects an entry's branch by `model` this way) becomes an `enum`
///   on that property plus one `if`/`then` per branch, so that a broken entry
///   reports the errors of its own model's branch only.
void adjust_schema(nlohmann::json& schema);

}  // namespace flowprint::validation
