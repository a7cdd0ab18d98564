#pragma once

#include "../blueprint.h"
#include "../finding.h"
#include "compiled_schema.h"

namespace flowprint::validation {

/// Checks one blueprint document against a JSON Schema (SPEC 7, layer 2) and
/// reports each problem at the YAML node it is about. Tagged values are
/// checked by what their tag can yield, never by their arguments' shape.
void check_schema(const Blueprint& blueprint, const CompiledSchema& schema, Findings& findings);

}  // namespace flowprint::validation
