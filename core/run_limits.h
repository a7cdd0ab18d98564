#pragma once

#include <cstddef>

namespace flowprint {

/// Bounds on what one run may consume, so that hostile input ends in a
/// finding instead of a crash, a hang or unbounded memory. Each has a CLI
/// flag to raise it.
struct Limits {
    /// Larger than any real blueprint, and small enough that the slowest file
    /// (one deep, alias-heavy document) still ends within seconds.
    std::size_t max_file_bytes = 32u << 20;
    std::size_t max_scalar_bytes = 16u << 20;
    std::size_t max_depth = 256;
    /// Nodes of one document, counting every expansion of an alias.
    std::size_t max_nodes = 2'000'000;
    /// Items iterated by all `!Enumerate` tags of one run.
    std::size_t max_enumerate_values = 1'000'000;
    /// Values made by all tags of one run (see value_weight in run_budget.h):
    /// bounds the memory of `!Enumerate`, `!Context`, `!Format` and alias
    /// copies of them, which multiply what the file holds.
    std::size_t max_tag_values = 2'000'000;
};

}  // namespace flowprint
