#include "entry_schemas.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <array>
#include <map>
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

/// Decides whether a model name satisfies a schema of the `model` property,
/// compiling each distinct schema once.
class ModelTest {
  public:
    /// `definitions` holds the root's definitions, for references.
    ModelTest(json definitions, std::string key)
        : definitions_(std::move(definitions)), key_(std::move(key)) {}

    bool holds(const json& schema, const std::string& model) {
        const std::string text = schema.dump();
        auto& compiled = compiled_[text];
        if (!compiled) {
            // Most of these schemas are a `const` or an `enum`: the
            // definitions only come along for a reference.
            json document =
                text.find("\"$ref\"") != std::string::npos ? definitions_ : json::object();
            document["properties"][key_] = schema;
            compiled = std::make_unique<valijson::Schema>();
            compile(document, *compiled);
        }
        valijson::Validator validator;
        const json entry{{key_, model}};
        return validator.validate(*compiled, valijson::adapters::NlohmannJsonAdapter(entry),
                                  nullptr);
    }

  private:
    json definitions_;
    std::string key_;
    std::map<std::string, std::unique_ptr<valijson::Schema>> compiled_;
};

/// The schema of the `key` property that an `if` tests, when the `if` tests
/// nothing else (so that the entry's model alone decides it).
const json* tested_key(const json& condition, const std::string& key) {
    if (!condition.is_object()) return nullptr;
    for (auto it = condition.begin(); it != condition.end(); ++it) {
        if (it.key() == "required" && *it == json::array({key})) continue;
        if (it.key() != "properties" || !it->is_object() || it->size() != 1 || !it->contains(key)) {
            return nullptr;
        }
    }
    const auto properties = condition.find("properties");
    return properties != condition.end() ? &properties->at(key) : nullptr;
}

/// Evaluates, in an entry schema that only entries of `model` meet, what
/// depends on the model alone: the `key` property's own schema, and the
/// blocks of `allOf` whose `if` tests only the model, which become their
/// `then` or `else`. Checking the result decides as checking `part` does,
/// with fewer and cheaper comparisons (no enum of every model per entry).
void specialise(json& part, const std::string& key, const std::string& model, ModelTest& test) {
    if (json* properties = part.contains("properties") ? &part["properties"] : nullptr;
        properties && properties->is_object() && properties->contains(key) &&
        test.holds((*properties)[key], model)) {
        (*properties)[key] = json::object();
    }
    json& blocks = part["allOf"];
    json kept = json::array();
    for (json& block : blocks) {
        const bool shaped =
            block.is_object() && block.contains("if") &&
            std::all_of(block.items().begin(), block.items().end(), [](const auto& member) {
                return member.key() == "if" || member.key() == "then" || member.key() == "else";
            });
        const json* tested = shaped ? tested_key(block["if"], key) : nullptr;
        if (tested == nullptr) {
            kept.push_back(std::move(block));
            continue;
        }
        const char* branch = test.holds(*tested, model) ? "then" : "else";
        if (block.contains(branch)) kept.push_back(std::move(block[branch]));
    }
    blocks = std::move(kept);
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
    json definitions = json::object();
    for (const char* keyword : {"$schema", "$id", "definitions", "$defs"}) {
        if (root.contains(keyword)) definitions[keyword] = root[keyword];
    }
    ModelTest test(definitions, parts->key);
    try {
        for (auto& [model, part] : models.items()) {
            part = part_for(model);
            specialise(part, parts->key, model, test);
        }
    } catch (const std::exception&) {
        return nullptr;  // a schema valijson cannot compile
    }

    // All parts in one document that keeps the root's definitions, for
    // their references: its `properties` (the models with a block) and
    // `additionalProperties` (the others) are only a place to hold them.
    json holder = std::move(definitions);
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
