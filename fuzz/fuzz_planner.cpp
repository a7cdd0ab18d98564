// libFuzzer target: a fuzzed blueprint set, then a dry run of every flow for
// each kind of start, with a user and a group taken from the set when it has
// them. Planning must never crash or loop, whatever the set.
#include <cstdint>

#include "flow_index.h"
#include "fuzz_input.h"
#include "planner.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace flowprint;
    const BlueprintSet set = fuzz::load_fuzz_input(data, size);
    const FlowIndex index(set.store);
    DryRunRequest request;
    for (ObjectId id : set.store.of_model("authentik_core.user")) {
        if (const Value* name = set.store.get(id).field("username")) {
            request.identity.username = python_str(*name);
            break;
        }
    }
    for (ObjectId id : set.store.of_model("authentik_core.group")) {
        if (const Value* name = set.store.get(id).field("name")) {
            request.identity.groups.push_back(python_str(*name));
            break;
        }
    }
    std::size_t total = 0;
    for (ObjectId flow : index.flows()) {
        for (StartMode start :
             {StartMode::anonymous, StartMode::authenticated, StartMode::via_source}) {
            request.identity.start = start;
            total += plan_dry_run(index, flow, request).stages.size();
        }
    }
    return total == SIZE_MAX ? -1 : 0;
}
