#pragma once

#include <cstdint>
#include <string_view>

namespace flowprint {

/// Where a node came from: a file and a 1-based line and column. `file` views
/// a path owned by the SourceFiles registry, which outlives every location.
struct Location {
    std::string_view file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

}  // namespace flowprint
