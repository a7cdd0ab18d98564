#include "object_store.h"

#include <algorithm>
#include <array>

namespace flowprint {
namespace {

std::string index_name(std::string_view model, std::string_view field) {
    std::string name(model);
    name += '\n';
    name += field;
    return name;
}

void add_to(std::vector<ObjectId>& bucket, ObjectId id) {
    auto at = std::lower_bound(bucket.begin(), bucket.end(), id);
    if (at == bucket.end() || *at != id) bucket.insert(at, id);
}

/// The keys under which a field's value is found: a list is found by any item.
std::vector<std::string> keys_of(const Value& value) {
    std::vector<std::string> keys{match_key(value)};
    if (const auto* items = value.as<Sequence>()) {
        for (const Value& item : *items) keys.push_back(match_key(item));
    }
    return keys;
}

constexpr std::array<std::string_view, 5> kBindingLinks = {"target", "stage", "policy", "group",
                                                           "user"};

bool is_binding(std::string_view model) {
    return model == "authentik_flows.flowstagebinding" || model == "authentik_policies.policybinding";
}

bool points_at(const Value& value, ObjectId id) {
    if (const auto* ref = value.as<ObjectRef>()) return ref->id == id;
    if (const auto* items = value.as<Sequence>()) {
        return std::any_of(items->begin(), items->end(),
                           [id](const Value& item) { return points_at(item, id); });
    }
    return false;
}

}  // namespace

ObjectId ObjectStore::create(std::string model, Mapping fields, Location defined_at) {
    const auto id = static_cast<ObjectId>(objects_.size());
    by_model_[model].push_back(id);
    objects_.push_back(StoredObject{std::move(model), std::move(fields), defined_at, false});
    index_object(id);
    note_references(id);
    return id;
}

void ObjectStore::note_references(ObjectId id) {
    const StoredObject& object = objects_[id];
    if (!is_binding(object.model)) return;
    auto note = [&](const Value& value) {
        if (const auto* ref = value.as<ObjectRef>()) referrers_[ref->id].push_back(id);
    };
    for (std::string_view link : kBindingLinks) {
        const Value* value = object.field(link);
        if (value == nullptr) continue;
        if (const auto* items = value->as<Sequence>()) {
            for (const Value& item : *items) note(item);
        } else {
            note(*value);
        }
    }
}

void ObjectStore::update(ObjectId id, const Mapping& attrs, const Mapping& identifiers,
                         Location defined_at) {
    StoredObject& object = objects_[id];
    for (const MappingEntry& entry : attrs) set_in(object.fields, entry.key, entry.value);
    for (const MappingEntry& entry : identifiers) set_in(object.fields, entry.key, entry.value);
    object.defined_at = defined_at;
    index_object(id);
    note_references(id);
}

void ObjectStore::remove(ObjectId id) {
    std::vector<ObjectId> pending{id};
    while (!pending.empty()) {
        const ObjectId next = pending.back();
        pending.pop_back();
        if (objects_[next].deleted) continue;
        objects_[next].deleted = true;
        auto referrers = referrers_.find(next);
        if (referrers == referrers_.end()) continue;
        for (ObjectId other : referrers->second) {
            const StoredObject& candidate = objects_[other];
            if (candidate.deleted) continue;
            for (std::string_view link : kBindingLinks) {
                const Value* value = candidate.field(link);
                if (value && points_at(*value, next)) {
                    pending.push_back(other);
                    break;
                }
            }
        }
    }
}

std::span<const ObjectId> ObjectStore::of_model(std::string_view model) const {
    auto found = by_model_.find(std::string(model));
    if (found == by_model_.end()) return {};
    return found->second;
}

ObjectStore::FieldIndex& ObjectStore::index_for(std::string_view model,
                                                std::string_view field) const {
    const std::string name = index_name(model, field);
    auto found = indexes_.find(name);
    if (found != indexes_.end()) return found->second;
    FieldIndex& index = indexes_[name];
    indexed_fields_[std::string(model)].emplace_back(field);
    for (ObjectId id : of_model(model)) {
        if (const Value* value = objects_[id].field(field)) {
            for (const std::string& key : keys_of(*value)) add_to(index[key], id);
        }
    }
    return index;
}

void ObjectStore::index_object(ObjectId id) const {
    const StoredObject& object = objects_[id];
    auto fields = indexed_fields_.find(object.model);
    if (fields == indexed_fields_.end()) return;
    for (const std::string& field : fields->second) {
        if (const Value* value = object.field(field)) {
            FieldIndex& index = indexes_[index_name(object.model, field)];
            for (const std::string& key : keys_of(*value)) add_to(index[key], id);
        }
    }
}

std::vector<ObjectId> ObjectStore::with_field(std::string_view model, std::string_view field,
                                              const Value& value) const {
    std::vector<ObjectId> result;
    const FieldIndex& index = index_for(model, field);
    auto bucket = index.find(match_key(value));
    if (bucket == index.end()) return result;
    for (ObjectId id : bucket->second) {
        const StoredObject& object = objects_[id];
        const Value* actual = object.field(field);
        // Buckets may hold stale entries after an update: check again.
        if (!object.deleted && actual && field_equals(*actual, value)) result.push_back(id);
    }
    return result;
}

std::size_t ObjectStore::bucket_size(std::string_view model, std::string_view field,
                                     const Value& value) const {
    const FieldIndex& index = index_for(model, field);
    auto bucket = index.find(match_key(value));
    return bucket == index.end() ? 0 : bucket->second.size();
}

std::optional<ObjectId> ObjectStore::match(std::string_view model,
                                           const Mapping& identifiers) const {
    if (identifiers.empty()) return std::nullopt;
    // Search from the rarest identifier value, so that many objects sharing
    // one value (bindings of one flow) do not make every match a scan.
    std::size_t rarest = 0, smallest = SIZE_MAX;
    for (std::size_t i = 0; i < identifiers.size() && smallest > 0; ++i) {
        const std::size_t size = bucket_size(model, identifiers[i].key, identifiers[i].value);
        if (size < smallest) {
            smallest = size;
            rarest = i;
        }
    }
    if (smallest == 0) return std::nullopt;
    for (ObjectId id : with_field(model, identifiers[rarest].key, identifiers[rarest].value)) {
        const StoredObject& object = objects_[id];
        const bool all = std::all_of(
            identifiers.begin(), identifiers.end(), [&](const MappingEntry& identifier) {
                const Value* actual = object.field(identifier.key);
                return actual && field_equals(*actual, identifier.value);
            });
        if (all) return id;
    }
    return std::nullopt;
}

}  // namespace flowprint
