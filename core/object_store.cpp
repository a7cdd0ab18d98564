#include "object_store.h"

#include <algorithm>
#include <array>

#include "catalogue.h"

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

}  // namespace

ObjectId ObjectStore::create(std::string model, Mapping fields, Location defined_at) {
    const auto id = static_cast<ObjectId>(objects_.size());
    by_model_[model].push_back(id);
    objects_.push_back(StoredObject{std::move(model), std::move(fields), defined_at, false});
    index_object(id);
    return id;
}

void ObjectStore::update(ObjectId id, const Mapping& attrs, const Mapping& identifiers,
                         Location defined_at) {
    StoredObject& object = objects_[id];
    for (const MappingEntry& entry : attrs) set_in(object.fields, entry.key, entry.value);
    for (const MappingEntry& entry : identifiers) set_in(object.fields, entry.key, entry.value);
    object.defined_at = defined_at;
    index_object(id);
}

void ObjectStore::remove(ObjectId id) {
    static constexpr std::array<std::string_view, 2> kBindings = {models::stage_binding,
                                                                  models::policy_binding};
    static constexpr std::array<std::string_view, 5> kLinks = {"target", "stage", "policy", "group",
                                                               "user"};
    std::vector<ObjectId> pending{id};
    while (!pending.empty()) {
        const ObjectId next = pending.back();
        pending.pop_back();
        if (objects_[next].deleted) continue;
        objects_[next].deleted = true;
        const Value link{ObjectRef{next}};
        for (std::string_view binding : kBindings) {
            for (std::string_view field : kLinks) {
                const auto pointing = with_field(binding, field, link);
                pending.insert(pending.end(), pointing.begin(), pointing.end());
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
    auto add = [&](ObjectId id) {
        if (const Value* value = objects_[id].field(field)) {
            for (const std::string& key : keys_of(*value)) add_to(index[key], id);
        }
    };
    if (model == any_model) {
        for (ObjectId id = 0; id < objects_.size(); ++id) add(id);
    } else {
        for (ObjectId id : of_model(model)) add(id);
    }
    return index;
}

void ObjectStore::index_object(ObjectId id) const {
    index_object_as(id, objects_[id].model);
    index_object_as(id, any_model);
}

void ObjectStore::index_object_as(ObjectId id, std::string_view model) const {
    auto fields = indexed_fields_.find(std::string(model));
    if (fields == indexed_fields_.end()) return;
    const StoredObject& object = objects_[id];
    for (const std::string& field : fields->second) {
        if (const Value* value = object.field(field)) {
            FieldIndex& index = indexes_[index_name(model, field)];
            for (const std::string& key : keys_of(*value)) add_to(index[key], id);
        }
    }
}

std::span<const ObjectId> ObjectStore::indexed(std::string_view model, std::string_view field,
                                               const Value& value) const {
    const FieldIndex& index = index_for(model, field);
    auto bucket = index.find(match_key(value));
    if (bucket == index.end()) return {};
    return bucket->second;
}

std::vector<ObjectId> ObjectStore::with_field(std::string_view model, std::string_view field,
                                              const Value& value) const {
    std::vector<ObjectId> result;
    for (ObjectId id : indexed(model, field, value)) {
        const StoredObject& object = objects_[id];
        const Value* actual = object.field(field);
        // Buckets may hold stale entries after an update: check again.
        if (!object.deleted && actual && field_equals(*actual, value)) result.push_back(id);
    }
    return result;
}

std::optional<ObjectId> ObjectStore::match(std::string_view model,
                                           const Mapping& identifiers) const {
    if (identifiers.empty()) return std::nullopt;
    // Walk the narrowest bucket: the first identifier is often shared by
    // thousands of objects (every binding of a large flow has its `target`).
    std::span<const ObjectId> narrowest;
    for (std::size_t i = 0; i < identifiers.size(); ++i) {
        auto bucket = indexed(model, identifiers[i].key, identifiers[i].value);
        if (i == 0 || bucket.size() < narrowest.size()) narrowest = bucket;
    }
    for (ObjectId id : narrowest) {
        const StoredObject& object = objects_[id];
        const bool all = !object.deleted &&
                         std::all_of(identifiers.begin(), identifiers.end(),
                                     [&](const MappingEntry& identifier) {
                                         const Value* actual = object.field(identifier.key);
                                         return actual && field_equals(*actual, identifier.value);
                                     });
        if (all) return id;
    }
    return std::nullopt;
}

}  // namespace flowprint
