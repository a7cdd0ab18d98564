#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "location.h"

namespace flowprint {

using ObjectId = std::uint32_t;

/// A link to an object of the store (what `!KeyOf` and a matching `!Find` give).
struct ObjectRef {
    ObjectId id;
    bool operator==(const ObjectRef&) const = default;
};

/// A `!Find` that matched nothing in the set: authentik gives null, but the
/// object may exist on the server, so the query is kept for labels and notes.
struct ExternalRef {
    std::string model;
    std::string name;     ///< the queried naming field (a user's `username`, else `name`)
    std::string written;  ///< the reference as written, e.g. `!Find [model, [slug, x]]`
    bool operator==(const ExternalRef&) const = default;
};

/// A value only a running authentik knows (a context key it supplies at import).
struct Unknown {
    std::string what;
    bool operator==(const Unknown&) const = default;
};

struct Value;
struct MappingEntry;
using Sequence = std::vector<Value>;
using Mapping = std::vector<MappingEntry>;

/// A resolved blueprint value, typed as Python would see it after authentik's
/// loader and tags have run, with the position it came from.
struct Value {
    using Data = std::variant<std::monostate, bool, std::int64_t, double, std::string, Sequence,
                              Mapping, ObjectRef, ExternalRef, Unknown>;
    Value() = default;
    // Defined below MappingEntry: clang needs it complete to move a Data.
    Value(Data value_data, Location where = {});

    Data data;
    Location location;
    /// Derived from `!Env`: its text must never be shown.
    bool secret = false;

    bool is_null() const { return std::holds_alternative<std::monostate>(data); }
    template <class T>
    bool is() const {
        return std::holds_alternative<T>(data);
    }
    template <class T>
    const T* as() const {
        return std::get_if<T>(&data);
    }
    template <class T>
    T* as() {
        return std::get_if<T>(&data);
    }

    /// The value of `key` when this is a mapping holding it.
    const Value* find(std::string_view key) const;
};

struct MappingEntry {
    std::string key;
    Value value;
};

inline Value::Value(Data value_data, Location where)
    : data(std::move(value_data)), location(where) {}

/// Python truthiness: None, False, 0, "", [] and {} are false. An external
/// reference is None to authentik, and an unknown value is treated as false.
bool truthy(const Value& value);

/// Python's str() of the value (`True`, `None`, `12`, `['a', 1]`).
std::string python_str(const Value& value);
/// Python's repr() of the value (`'a'` for strings).
std::string python_repr(const Value& value);
/// str() and repr() that show secret (`!Env`) values too: only for computing
/// a value that is itself kept secret (`!Format`), or for a comparison.
std::string revealed_str(const Value& value);
std::string revealed_repr(const Value& value);
/// The Python type name, for messages (`str`, `int`, `list`, ...).
std::string_view python_type_name(const Value& value);

/// Compares two values as a Django lookup on a field would after converting
/// the query to the field's type: `"10"` equals `10`, a link equals the same
/// link, `True` equals `"true"`.
bool field_equals(const Value& field, const Value& query);

/// A text that is equal for values that `field_equals` treats as equal
/// (scalars and links), for hashing.
std::string match_key(const Value& value);

/// The integer a field means (`10`, `"10"`), if it is one.
std::optional<std::int64_t> as_integer(const Value& value);

/// Deep merge as authentik merges mappings: nested mappings merge, other
/// values are replaced.
void merge_into(Mapping& target, const Mapping& source);

/// Marks the value and everything in it secret (derived from `!Env`).
void mark_secret(Value& value);

const Value* find_in(const Mapping& mapping, std::string_view key);
Value* find_in(Mapping& mapping, std::string_view key);
void set_in(Mapping& mapping, std::string key, Value value);

}  // namespace flowprint
