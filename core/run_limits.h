#pragma once

#include <cstddef>

namespace flowprint {

/// Bounds on what one run may consume, so that hostile input ends in a
/// finding instead of a crash, a hang or unbounded memory. Each has a CLI
/// flag to raise it.
struct Limits {
    std::size_t max_file_bytes = 64u << 20;
    std::size_t max_scalar_bytes = 16u << 20;
    std::size_t max_depth = 256;
    /// Nodes of one document, counting every expansion of an alias.
    std::size_t max_nodes = 2'000'000;
    /// Values produced by all `!Enumerate` tags of one run.
    std::size_t max_enumerate_values = 1'000'000;
};

}  // namespace flowprint
