#pragma once

#include <cstddef>

#include "run_limits.h"
#include "value.h"

namespace flowprint {

/// What is left of a run's allowance for values made by tags. One budget is
/// shared by every blueprint of the run, so that bombs spread over files, or
/// over aliases of one tag, are stopped as surely as a single one. Once any
/// part runs out the run is `exhausted`: the one finding has been made, and
/// every later tag gives None without another.
struct RunBudget {
    explicit RunBudget(const Limits& limits)
        : enumerate_items(limits.max_enumerate_values), tag_values(limits.max_tag_values) {}

    std::size_t enumerate_items;
    std::size_t tag_values;
    bool exhausted = false;
};

/// How much of the tag-value budget a value uses: one per value, nested ones
/// included, and one more per started 64 bytes of each string, so that long
/// strings (`!Format` widths, big `!Context` texts) count for their memory.
std::size_t value_weight(const Value& value);

}  // namespace flowprint
