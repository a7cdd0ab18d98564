#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "value.h"

namespace flowprint {

/// An object as an authentik database would hold it after the import: its
/// model, its fields (identifiers and attrs merged) and the entry that last
/// defined it.
struct StoredObject {
    std::string model;
    Mapping fields;
    Location defined_at;
    bool deleted = false;

    /// The field's value, or nullptr when the object does not set it.
    const Value* field(std::string_view name) const { return find_in(fields, name); }
};

/// The in-memory database of one blueprint set. Objects are numbered in the
/// order they were first created, which is the declaration order used to
/// break ties everywhere.
class ObjectStore {
  public:
    ObjectId create(std::string model, Mapping fields, Location defined_at);
    /// Sets attrs, then identifiers (which win on a clash), field by field.
    void update(ObjectId id, const Mapping& attrs, const Mapping& identifiers, Location defined_at);
    /// Deletes the object and, as the database's cascades would, everything
    /// that points at it through a binding's target, stage, policy, group or user.
    void remove(ObjectId id);

    /// The first live object of `model` whose fields equal all identifiers.
    std::optional<ObjectId> match(std::string_view model, const Mapping& identifiers) const;

    const StoredObject& get(ObjectId id) const { return objects_[id]; }
    std::size_t size() const { return objects_.size(); }
    /// Every object of the model ever created, live or deleted, in creation order.
    std::span<const ObjectId> of_model(std::string_view model) const;
    /// Live objects of the model whose `field` equals `value` (field_equals),
    /// in creation order, using an index built on first use.
    std::vector<ObjectId> with_field(std::string_view model, std::string_view field,
                                     const Value& value) const;
    /// The index bucket behind `with_field`: a superset of its result, in
    /// creation order, that may hold deleted objects and objects whose field
    /// has changed since. Its size tells callers with several lookups which
    /// one narrows best before they check candidates one by one.
    std::span<const ObjectId> indexed(std::string_view model, std::string_view field,
                                      const Value& value) const;

    /// Stands for every model in `with_field` and `indexed`, for lookups that
    /// follow a link whose model is not known (`target__slug`).
    static constexpr std::string_view any_model = "";

  private:
    using Bucket = std::vector<ObjectId>;
    using FieldIndex = std::unordered_map<std::string, Bucket>;

    FieldIndex& index_for(std::string_view model, std::string_view field) const;
    void index_object(ObjectId id) const;
    void index_object_as(ObjectId id, std::string_view model) const;

    std::vector<StoredObject> objects_;
    std::unordered_map<std::string, std::vector<ObjectId>> by_model_;
    /// (model + '\n' + field) -> match_key -> objects; filled lazily.
    mutable std::unordered_map<std::string, FieldIndex> indexes_;
    mutable std::unordered_map<std::string, std::vector<std::string>> indexed_fields_;
};

}  // namespace flowprint
