#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace flowprint::validation {

/// What a schema allows at one place of a document, gathered from every
/// subschema that applies there, for messages and "did you mean": the
/// property names an object may have, the values an enum or const allows,
/// the JSON types a value may have.
struct SchemaHints {
    std::vector<std::string> properties;
    std::vector<nlohmann::json> values;
    std::vector<std::string> types;
    std::vector<std::string> patterns;
};

/// The hints at `pointer` of `instance`. Conditional subschemas count when
/// their `if` holds for the instance (checked for const, enum, type, required
/// and properties; other keywords are taken to hold).
SchemaHints hints_at(const nlohmann::json& schema, const nlohmann::json& instance,
                     std::string_view pointer);

}  // namespace flowprint::validation
