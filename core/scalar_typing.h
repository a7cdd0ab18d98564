#pragma once

#include <string_view>

#include "value.h"

namespace flowprint {

/// Types a plain (unquoted, untagged) scalar the way authentik's loader does
/// (PyYAML, YAML 1.1): `yes`/`off` are booleans, `~` is null, `010` is octal,
/// `1_000` is an integer, `1.5` a float, everything else a string.
Value::Data type_plain_scalar(std::string_view text);

}  // namespace flowprint
