#pragma once

#include <optional>
#include <string>
#include <vector>

#include "object_store.h"

namespace flowprint {

/// One `[FIELD, VALUE]` pair of a `!Find`: a Django lookup such as
/// `target__slug` or `name__iexact`, and the value it compares with.
struct FindCondition {
    std::string lookup;
    Value value;
};

struct FindResult {
    std::optional<ObjectId> object;
    /// The first lookup flowprint cannot evaluate offline, if any.
    std::string unsupported_lookup;
};

/// The first live object of `model` (in creation order) matching every condition.
FindResult find_object(const ObjectStore& store, const std::string& model,
                       const std::vector<FindCondition>& conditions);

}  // namespace flowprint
