// libFuzzer target: bytes -> YAML reader -> blueprint structure -> tag
// resolver -> object store (apply_blueprints). Any crash, sanitizer report,
// timeout or memory blow-up is a bug.
#include <cstdint>

#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    flowprint::BlueprintSet set = flowprint::fuzz::load_fuzz_input(data, size);
    // Touch what later layers read: every finding and every object.
    std::size_t total = 0;
    for (const flowprint::Finding& finding : set.findings.all()) total += finding.message.size();
    for (flowprint::ObjectId id = 0; id < set.store.size(); ++id) {
        for (const flowprint::MappingEntry& field : set.store.get(id).fields) {
            total += flowprint::python_str(field.value).size();
        }
    }
    return total == SIZE_MAX ? -1 : 0;
}
