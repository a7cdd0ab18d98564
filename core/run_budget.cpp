#include "run_budget.h"

#include <vector>

namespace flowprint {

std::size_t value_weight(const Value& value) {
    std::size_t total = 0;
    // Iterative: values nest as deep as tags may build them.
    std::vector<const Value*> pending{&value};
    while (!pending.empty()) {
        const Value* next = pending.back();
        pending.pop_back();
        ++total;
        if (const auto* text = next->as<std::string>()) {
            total += (text->size() + 63) / 64;
        } else if (const auto* items = next->as<Sequence>()) {
            for (const Value& item : *items) pending.push_back(&item);
        } else if (const auto* entries = next->as<Mapping>()) {
            for (const MappingEntry& entry : *entries) {
                total += 1 + (entry.key.size() + 63) / 64;
                pending.push_back(&entry.value);
            }
        }
    }
    return total;
}

}  // namespace flowprint
