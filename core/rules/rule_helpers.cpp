// Small helpers the rules share.
#include "rule.h"

namespace flowprint::rules {

Location field_location(const StoredObject& object, std::string_view field) {
    const Value* value = object.field(field);
    if (value != nullptr && value->location.line != 0) return value->location;
    return object.defined_at;
}

const StoredObject* referenced(const ObjectStore& store, const Value* value) {
    if (value == nullptr) return nullptr;
    const auto* ref = value->as<ObjectRef>();
    return ref ? &store.get(ref->id) : nullptr;
}

bool is_stage(const StoredObject& object) {
    const ModelInfo* info = find_model(object.model);
    return info && info->kind == ModelKind::stage;
}

bool is_policy(const StoredObject& object) {
    const ModelInfo* info = find_model(object.model);
    return info && info->kind == ModelKind::policy;
}

}  // namespace flowprint::rules
