#pragma once

#include <span>
#include <string>
#include <string_view>

#include "value.h"

namespace flowprint {

struct FormatResult {
    std::string text;
    /// Why Python would raise, or why flowprint cannot format it; empty on success.
    std::string error;
};

/// Python's `format % tuple(args)`: conversions s r d i u f F e E g G x X o
/// and %%, with the flags `-+ 0#`, a width and a precision. Anything else is
/// an error rather than a silently different string.
FormatResult python_percent_format(std::string_view format, std::span<const Value> args);

}  // namespace flowprint
