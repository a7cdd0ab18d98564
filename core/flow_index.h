#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "object_store.h"

namespace flowprint {

/// The flows of a store and the bindings that hang off them, found once so
/// that the diagram, the planner and the rules never search for them:
/// stage bindings by flow and policy bindings by target, each sorted by
/// `order` with ties in declaration order.
class FlowIndex {
  public:
    explicit FlowIndex(const ObjectStore& store);

    /// Live flows in declaration order.
    std::span<const ObjectId> flows() const { return flows_; }
    std::optional<ObjectId> flow_by_slug(std::string_view slug) const;
    std::string slug_of(ObjectId flow) const;

    std::span<const ObjectId> stage_bindings(ObjectId flow) const;
    std::span<const ObjectId> policy_bindings(ObjectId target) const;

    const ObjectStore& store() const { return store_; }

  private:
    const ObjectStore& store_;
    std::vector<ObjectId> flows_;
    std::unordered_map<ObjectId, std::vector<ObjectId>> stage_bindings_;
    std::unordered_map<ObjectId, std::vector<ObjectId>> policy_bindings_;
};

/// A binding's `order` as an integer (a numeric string counts; else 0).
std::int64_t binding_order(const StoredObject& binding);

/// A field's value, or its default from the catalogue (SPEC 4).
std::optional<Value> field_or_default(const StoredObject& object, std::string_view field);
/// A boolean field's truthiness, with the catalogue's default when unset.
bool flag(const StoredObject& object, std::string_view field);

/// What a binding's stage or policy refers to, for labels: an object of the
/// set, or a guess from an external reference.
struct MemberLabel {
    std::string display_name;  ///< the type, e.g. "Password Stage"
    std::string name;          ///< the object's name
    std::optional<ObjectId> object;
    bool guessed = false;
};

/// The label of a stage or policy reference, or nothing when the reference is
/// empty (no stage or policy at all).
std::optional<MemberLabel> member_label(const ObjectStore& store, const Value* reference);

}  // namespace flowprint
