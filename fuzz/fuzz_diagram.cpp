// libFuzzer target: a fuzzed blueprint set, then every diagram renderer (both
// styles, every format) over every flow of it. Drawing must never crash,
// whatever the set.
#include <cstdint>

#include "diagram_output.h"
#include "flow_index.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace flowprint;
    const BlueprintSet set = fuzz::load_fuzz_input(data, size);
    const FlowIndex index(set.store);
    std::size_t total = 0;
    for (ObjectId flow : index.flows()) {
        for (DiagramStyle style : {DiagramStyle::authentik, DiagramStyle::detailed}) {
            for (DiagramFormat format :
                 {DiagramFormat::mermaid, DiagramFormat::markdown, DiagramFormat::dot}) {
                total +=
                    render_diagram(index, flow, DiagramRequest{style, format, true}).text.size();
            }
        }
    }
    return total == SIZE_MAX ? -1 : 0;
}
