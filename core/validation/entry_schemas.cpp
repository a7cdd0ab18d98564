#include "entry_schemas.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <array>
#include <optional>

namespace flowprint::validation {
namespace {

using json = nlohmann::json;

constexpr std::array kDefinitions = {"definitions", "$defs"};

/// Whether every `$ref` under `node` names a definition of the root: the
/// parts keep the definitions, nothing else of the root.
bool refs_within_definitions(const json& node) {
    if (node.is_array()) return std::all_of(node.begin(), node.end(), refs_within_definitions);
    if (!node.is_object()) return true;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == "$ref") {
            if (!it->is_string()) return false;
            const auto& ref = it->get_ref<const std::string&>();
            if (!ref.starts_with("#/definitions/") && !ref.starts_with("#/$defs/")) return false;
        }
        if (!refs_within_definitions(*it)) return false;
    }
    return true;
}

/// Whether an `$id` under `node` would move the base of its references.
bool has_id(const json& node) {
    if (node.is_array()) return std::any_of(node.begin(), node.end(), has_id);
    if (!node.is_object()) return false;
    return std::any_of(node.items().begin(), node.items().end(), [](const auto& member) {
        return member.key() == "$id" || has_id(member.value());
    });
}

/// The schema a `{"$ref": "#/definitions/NAME"}` names, or the schema itself.
const json* resolved(const json& root, const json& schema) {
    auto ref = schema.find("$ref");
    if (ref == schema.end()) return &schema;
    if (schema.size() != 1 || !ref->is_string()) return nullptr;
    const json::json_pointer pointer(ref->get<std::string>().substr(1));
    return root.contains(pointer) ? &root.at(pointer) : nullptr;
}

/// A block `{if: {properties: {KEY: {const: VALUE}}, required: [KEY]}, then: ...}`,
/// as KEY and VALUE.
std::optional<std::pair<std::string, std::string>> model_block(const json& block) {
    if (!block.is_object() || block.size() != 2 || !block.contains("then")) return std::nullopt;
    const json& condition = block.value("if", json());
    if (!condition.is_object() || condition.size() != 2) return std::nullopt;
    const json& properties = condition.value("properties", json());
    if (!properties.is_object() || properties.size() != 1) return std::nullopt;
    const std::string& key = properties.begin().key();
    const json& fixed = properties.begin().value();
    if (!fixed.is_object() || fixed.size() != 1 || !fixed.contains("const") ||
        !fixed["const"].is_string() || condition.value("required", json()) != json::array({key})) {
        return std::nullopt;
    }
    return std::pair(key, fixed["const"].get<std::string>());
}

void compile(const json& document, valijson::Schema& schema) {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(document), schema);
}

}  // namespace

EntrySchemas::EntrySchemas() = default;
EntrySchemas::~EntrySchemas() = default;

std::unique_ptr<EntrySchemas> split_entry_schemas(const json& root) {
    if (!root.is_object() || root.contains("$ref") || !refs_within_definitions(root))
        return nullptr;
    const json::json_pointer entries_at("/properties/entries");
    if (!root.contains(entries_at) || !root.at(entries_at).is_object()) return nullptr;
    const json& entries = root.at(entries_at);
    const json& items = entries.value("items", json());
    if (!items.is_object()) return nullptr;
    // Entries grouped by name are items of `additionalProperties`: the same
    // schema, or none (checking them anyway only sends more documents to the
    // whole schema).
    const json& groups = entries.value("additionalProperties", json());
    if (groups.is_object() && groups.contains("items") && groups["items"] != items) return nullptr;

    const json* entry = resolved(root, items);
    if (entry == nullptr || !entry->is_object() || has_id(*entry)) return nullptr;
    for (const char* definitions : kDefinitions) {
        if (root.contains(definitions) && has_id(root[definitions])) return nullptr;
    }
    const json& blocks = entry->value("allOf", json());
    if (!blocks.is_array()) return nullptr;

    auto parts = std::make_unique<EntrySchemas>();
    json models = json::object();
    for (const json& block : blocks) {
        const auto fixed = model_block(block);
        if (!fixed) continue;
        if (parts->key.empty()) parts->key = fixed->first;
        if (fixed->first != parts->key) return nullptr;
        models[fixed->second] = json::object();
    }
    if (models.empty()) return nullptr;
    auto part_for = [&](const std::string& model) {
        json part = *entry;
        json& own = part["allOf"];
        own = json::array();
        for (const json& block : blocks) {
            const auto fixed = model_block(block);
            if (!fixed || fixed->second == model) own.push_back(block);
        }
        return part;
    };
    for (auto& [model, part] : models.items()) part = part_for(model);

    // All parts in one document that keeps the root's definitions, for
    // their references: its `properties` (the models with a block) and
    // `additionalProperties` (the others) are only a place to hold them.
    json holder = json::object();
    for (const char* keyword : {"$schema", "$id", "definitions", "$defs"}) {
        if (root.contains(keyword)) holder[keyword] = root[keyword];
    }
    holder["properties"] = std::move(models);
    holder["additionalProperties"] = part_for({});
    json envelope = root;
    envelope[entries_at / "items"] = json::object();
    if (groups.is_object() && groups.contains("items")) {
        envelope[entries_at / "additionalProperties" / "items"] = json::object();
    }
    parts->envelope = std::make_unique<valijson::Schema>();
    parts->models = std::make_unique<valijson::Schema>();
    try {
        compile(envelope, *parts->envelope);
        compile(holder, *parts->models);
    } catch (const std::exception&) {
        return nullptr;
    }
    valijson::Subschema::ApplyFunction collect =
        [&](const valijson::constraints::Constraint& constraint) {
            using Properties = valijson::constraints::PropertiesConstraint;
            if (const auto* properties = dynamic_cast<const Properties*>(&constraint)) {
                properties->applyToProperties(
                    [&](const auto& name, const valijson::Subschema* part) {
                        parts->by_model.emplace(std::string(name.c_str()), part);
                        return true;
                    });
                parts->other = properties->getAdditionalPropertiesSubschema();
            }
            return true;
        };
    parts->models->apply(collect);
    if (parts->other == nullptr) return nullptr;
    return parts;
}

bool valid_by_parts(const EntrySchemas& parts, const json& document,
                    valijson::Validator& validator) {
    if (!validator.validate(*parts.envelope, valijson::adapters::NlohmannJsonAdapter(document),
                            nullptr)) {
        return false;
    }
    auto valid_items = [&](const json& list) {
        if (!list.is_array()) return true;  // `items` does not apply
        return std::all_of(list.begin(), list.end(), [&](const json& entry) {
            if (!entry.is_object()) return false;
            auto model = entry.find(parts.key);
            if (model == entry.end() || !model->is_string()) return false;
            auto own = parts.by_model.find(model->get_ref<const std::string&>());
            const valijson::Subschema& part =
                own != parts.by_model.end() ? *own->second : *parts.other;
            return validator.validate(part, valijson::adapters::NlohmannJsonAdapter(entry),
                                      nullptr);
        });
    };
    if (!document.is_object()) return true;
    auto entries = document.find("entries");
    if (entries == document.end()) return true;
    if (entries->is_object()) {
        return std::all_of(entries->begin(), entries->end(), valid_items);
    }
    return valid_items(*entries);
}

}  // namespace flowprint::validation
