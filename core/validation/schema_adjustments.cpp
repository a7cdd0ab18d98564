#include "schema_adjustments.h"

#include <array>
#include <optional>
#include <string>

namespace flowprint::validation {
namespace {

using json = nlohmann::json;

constexpr std::array kSchemaMaps = {"properties", "patternProperties", "definitions", "$defs",
                                    "dependencies"};
constexpr std::array kSchemaLists = {"allOf", "anyOf", "oneOf", "items"};
constexpr std::array kSchemas = {"items",
                                 "additionalItems",
                                 "additionalProperties",
                                 "contains",
                                 "propertyNames",
                                 "not",
                                 "if",
                                 "then",
                                 "else"};

void add_all_of(json& schema, json condition) {
    if (!schema.contains("allOf") || !schema["allOf"].is_array()) {
        schema["allOf"] = json::array();
    }
    schema["allOf"].push_back(std::move(condition));
}

void guard_format(json& schema) {
    auto format = schema.find("format");
    if (format == schema.end() || !format->is_string()) return;
    const std::string name = *format;
    schema.erase(format);
    if (name == "date" || name == "time" || name == "date-time") {
        add_all_of(schema, json{{"if", {{"type", "string"}}}, {"then", {{"format", name}}}});
    }
}

/// The property every branch fixes with `const`, if there is one.
std::optional<std::string> discriminator(const json& branches) {
    if (!branches.is_array() || branches.size() < 2) return std::nullopt;
    const json& first = branches.front();
    if (!first.is_object() || !first.contains("properties") || !first["properties"].is_object()) {
        return std::nullopt;
    }
    for (auto it = first["properties"].begin(); it != first["properties"].end(); ++it) {
        if (!it.value().is_object() || !it.value().contains("const")) continue;
        const std::string key = it.key();
        json seen = json::array();
        bool all = true;
        for (const json& branch : branches) {
            const json* property = nullptr;
            if (branch.is_object() && branch.contains("properties") &&
                branch["properties"].is_object() && branch["properties"].contains(key)) {
                property = &branch["properties"][key];
            }
            if (property == nullptr || !property->is_object() || !property->contains("const") ||
                std::find(seen.begin(), seen.end(), (*property)["const"]) != seen.end()) {
                all = false;
                break;
            }
            seen.push_back((*property)["const"]);
        }
        if (all) return key;
    }
    return std::nullopt;
}

void split_discriminated_one_of(json& schema) {
    auto one_of = schema.find("oneOf");
    if (one_of == schema.end()) return;
    const auto key = discriminator(*one_of);
    if (!key) return;
    json branches = std::move(*one_of);
    schema.erase("oneOf");
    json values = json::array();
    bool all_objects = true, all_require = true;
    for (const json& branch : branches) {
        values.push_back(branch["properties"][*key]["const"]);
        all_objects = all_objects && branch.value("type", json()) == "object";
        const json required = branch.value("required", json::array());
        all_require = all_require && required.is_array() &&
                      std::find(required.begin(), required.end(), *key) != required.end();
    }
    json selector{{"properties", {{*key, {{"enum", values}}}}}};
    if (all_objects) selector["type"] = "object";
    if (all_require) selector["required"] = json::array({*key});
    add_all_of(schema, std::move(selector));
    for (json& branch : branches) {
        json condition{{"properties", {{*key, {{"const", branch["properties"][*key]["const"]}}}}},
                       {"required", json::array({*key})}};
        add_all_of(schema, json{{"if", std::move(condition)}, {"then", std::move(branch)}});
    }
}

}  // namespace

void adjust_schema(json& schema) {
    if (!schema.is_object()) return;
    for (const char* keyword : kSchemaMaps) {
        auto found = schema.find(keyword);
        if (found == schema.end() || !found->is_object()) continue;
        for (auto& member : *found) {
            if (member.is_object()) adjust_schema(member);
        }
    }
    for (const char* keyword : kSchemaLists) {
        auto found = schema.find(keyword);
        if (found == schema.end() || !found->is_array()) continue;
        for (auto& member : *found) adjust_schema(member);
    }
    for (const char* keyword : kSchemas) {
        auto found = schema.find(keyword);
        if (found != schema.end() && found->is_object()) adjust_schema(*found);
    }
    guard_format(schema);
    split_discriminated_one_of(schema);
}

}  // namespace flowprint::validation
