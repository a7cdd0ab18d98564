// libFuzzer target: a fuzzed blueprint set, then every diagram renderer over
// every flow of it. The diagram of a set must never crash, whatever the set.
#include <cstdint>

#include "diagram_authentik.h"
#include "flow_index.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const flowprint::BlueprintSet set = flowprint::fuzz::load_fuzz_input(data, size);
    const flowprint::FlowIndex index(set.store);
    std::size_t total = 0;
    for (flowprint::ObjectId flow : index.flows()) {
        total += flowprint::render_authentik_diagram(index, flow).text.size();
        // The detailed style (SPEC 5.2) joins here when it lands; see the report of issue 6.
    }
    return total == SIZE_MAX ? -1 : 0;
}
