#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "blueprint_set.h"

namespace flowprint::fuzz {

/// Settings for fuzzing: the limits lowered so that each input runs in
/// milliseconds (the limits themselves are what the fuzzers test), one
/// environment variable set so that secret values flow, no file reading.
ResolveSettings fuzz_settings();

/// The fuzzer's bytes as a blueprint set: split into up to four files at
/// lines `---8<---`, so that meta-apply and cross-file `!Find` are reached.
BlueprintSet load_fuzz_input(const std::uint8_t* data, std::size_t size);

}  // namespace flowprint::fuzz
