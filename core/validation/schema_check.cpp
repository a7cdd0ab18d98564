#include "schema_check.h"

#include <fmt/format.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "../catalogue.h"
#include "../edit_distance.h"
#include "document_json.h"
#include "schema_hints.h"

namespace flowprint::validation {
namespace {

using json = nlohmann::json;

enum class ErrorKind { unknown_property, required, type, enumeration, constant, value, summary };

/// One error of valijson, at a JSON pointer of the document.
struct SchemaError {
    std::string pointer;
    ErrorKind kind;
    std::string name;  ///< the property, for unknown_property and required
    std::string description;
};

std::string quoted_name(const std::string& description) {
    const auto open = description.find('\'');
    const auto close = description.rfind('\'');
    if (open == std::string::npos || close <= open) return {};
    return description.substr(open + 1, close - open - 1);
}

SchemaError classify(const valijson::ValidationResults::Error& error) {
    SchemaError out;
    for (const std::string& part : error.context) {
        if (part == "<root>") continue;
        std::string token = part.size() >= 2 && part.front() == '[' && part.back() == ']'
                                ? part.substr(1, part.size() - 2)
                                : part;
        out.pointer += '/';
        for (char c : token) {
            out.pointer += c == '~' ? std::string("~0") : c == '/' ? "~1" : std::string(1, c);
        }
    }
    const std::string& d = error.description;
    out.description = d;
    if (d.starts_with("Object contains a property that could not be validated")) {
        out.kind = ErrorKind::unknown_property;
        out.name = quoted_name(d);
    } else if (d.starts_with("Missing required property")) {
        out.kind = ErrorKind::required;
        out.name = quoted_name(d);
    } else if (d.starts_with("Value type not permitted")) {
        out.kind = ErrorKind::type;
    } else if (d.starts_with("Failed to match against any enum values")) {
        out.kind = ErrorKind::enumeration;
    } else if (d.starts_with("Failed to match expected value set by 'const'")) {
        out.kind = ErrorKind::constant;
    } else if (d.starts_with("Failed to validate against") ||
               d.starts_with("Failed to validate item")) {
        out.kind = ErrorKind::summary;
    } else {
        out.kind = ErrorKind::value;
    }
    return out;
}

bool at_or_under(std::string_view pointer, std::string_view base) {
    return pointer == base || (pointer.starts_with(base) && pointer.size() > base.size() &&
                               pointer[base.size()] == '/');
}

std::string parent_of(std::string_view pointer) {
    return std::string(pointer.substr(0, pointer.empty() ? 0 : pointer.rfind('/')));
}

std::string last_token(std::string_view pointer) {
    const auto tokens = pointer_tokens(pointer);
    return tokens.empty() ? std::string() : tokens.back();
}

std::string json_text(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    return value.dump();
}

std::string_view json_type(const json& value) {
    if (value.is_object()) return "mapping";
    if (value.is_array()) return "list";
    if (value.is_string()) return "string";
    if (value.is_boolean()) return "boolean";
    if (value.is_null()) return "null";
    if (value.is_number_integer()) return "integer";
    return "number";
}

std::string_view type_word(std::string_view schema_type) {
    if (schema_type == "object") return "mapping";
    if (schema_type == "array") return "list";
    return schema_type;
}

std::string_view yield_word(TagYield yields) {
    switch (yields) {
        case TagYield::string: return "a string";
        case TagYield::boolean: return "a boolean";
        case TagYield::mapping: return "a mapping";
        case TagYield::list: return "a list";
        case TagYield::anything: break;
    }
    return "a value";
}

/// Whether authentik's serializers would accept the value for one of the
/// types by converting it, as Django REST framework's fields do: a numeric
/// string for a number, a number for a string, "true"/1 for a boolean.
bool convertible(const json& value, const std::vector<std::string>& types) {
    for (const std::string& type : types) {
        if (value.is_string()) {
            const std::string& text = value.get_ref<const std::string&>();
            if (type == "integer" || type == "number") {
                std::size_t i = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
                const bool digits =
                    i < text.size() && text.find_first_not_of("0123456789", i) == std::string::npos;
                if (digits) return true;
            }
            if (type == "boolean") {
                static const std::set<std::string> words{
                    "t",  "T",     "y",     "Y",     "yes", "Yes", "YES", "true", "True", "TRUE",
                    "on", "On",    "ON",    "1",     "f",   "F",   "n",   "N",    "no",   "No",
                    "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0"};
                if (words.contains(text)) return true;
            }
        }
        if (type == "string" && value.is_number()) return true;
        if (type == "boolean" && value.is_number_integer() &&
            (value.get<std::int64_t>() == 0 || value.get<std::int64_t>() == 1)) {
            return true;
        }
    }
    return false;
}

/// Reads findings out of valijson's errors for one document.
class ErrorReader {
  public:
    ErrorReader(const Blueprint& blueprint, const DocumentJson& document,
                const CompiledSchema& schema, Findings& findings)
        : blueprint_(blueprint), document_(document), schema_(schema), findings_(findings) {}

    void read(std::vector<SchemaError> errors) {
        errors_ = std::move(errors);
        std::map<std::string, std::vector<const SchemaError*>> values_by_pointer;
        for (const SchemaError& error : errors_) {
            if (hidden_by_tag(error)) continue;
            switch (error.kind) {
                case ErrorKind::unknown_property: unknown_properties(error); break;
                case ErrorKind::required: required(error); break;
                case ErrorKind::summary:
                    if (!has_details_under(error.pointer)) value_error(error, {&error});
                    break;
                default: values_by_pointer[error.pointer].push_back(&error); break;
            }
        }
        for (const auto& [pointer, list] : values_by_pointer) value_error(*list.front(), list);
    }

  private:
    /// An error about a tagged value's placeholder says nothing about the
    /// blueprint, except that a tag of a definite type cannot give that type.
    bool hidden_by_tag(const SchemaError& error) const {
        // The loader reports `entries` and entries that are not mappings itself.
        const auto tokens = pointer_tokens(error.pointer);
        if (error.kind == ErrorKind::type && !tokens.empty() && tokens.size() <= 3 &&
            tokens.front() == "entries") {
            const json* value = instance_at(error.pointer);
            if (value && !value->is_object()) return true;
        }
        for (const TaggedValue& tagged : document_.tagged) {
            if (!at_or_under(error.pointer, tagged.pointer)) continue;
            if (error.pointer != tagged.pointer) return true;
            if (tagged.yields == TagYield::anything) return true;
            return error.kind != ErrorKind::type && error.kind != ErrorKind::summary;
        }
        return false;
    }

    bool has_details_under(const std::string& pointer) const {
        return std::any_of(errors_.begin(), errors_.end(), [&](const SchemaError& other) {
            return other.kind != ErrorKind::summary && at_or_under(other.pointer, pointer);
        });
    }

    const json* instance_at(std::string_view pointer) const {
        const json* value = &document_.json;
        for (const std::string& token : pointer_tokens(pointer)) {
            if (value->is_object() && value->contains(token)) {
                value = &(*value)[token];
            } else if (value->is_array()) {
                const std::size_t index = std::strtoul(token.c_str(), nullptr, 10);
                if (index >= value->size()) return nullptr;
                value = &(*value)[index];
            } else {
                return nullptr;
            }
        }
        return value;
    }

    /// " of authentik_flows.flow" for a place inside an entry with a model.
    std::string model_of(std::string_view pointer) const {
        std::string model;
        const json* value = &document_.json;
        for (const std::string& token : pointer_tokens(pointer)) {
            if (value->is_object()) {
                if (auto m = value->find("model"); m != value->end() && m->is_string()) {
                    model = m->get<std::string>();
                }
                if (!value->contains(token)) break;
                value = &(*value)[token];
            } else if (value->is_array()) {
                const std::size_t index = std::strtoul(token.c_str(), nullptr, 10);
                if (index >= value->size()) break;
                value = &(*value)[index];
            } else {
                break;
            }
        }
        return model;
    }

    std::string field_phrase(std::string_view pointer) const {
        const std::string name = last_token(pointer);
        if (name.empty()) return "the document";
        const std::string model = model_of(parent_of(pointer));
        if (model.empty() || name == "model") return fmt::format("'{}'", name);
        return fmt::format("'{}' of {}", name, model);
    }

    Location where(std::string_view pointer, bool key = false) const {
        return node_at(*blueprint_.root, pointer, key).location;
    }

    void report(std::string_view rule, std::string message, const Location& at) {
        const std::string key = fmt::format("{}:{}:{}:{}", rule, at.line, at.column, message);
        if (reported_.insert(key).second) findings_.error(rule, std::move(message), at);
    }

    void unknown_properties(const SchemaError& error) {
        const json* object = instance_at(error.pointer);
        const SchemaHints hints = hints_at(schema_.document, document_.json, error.pointer);
        std::vector<std::string> unknown;
        if (object && object->is_object() && !hints.properties.empty()) {
            for (auto it = object->begin(); it != object->end(); ++it) {
                if (std::find(hints.properties.begin(), hints.properties.end(), it.key()) ==
                    hints.properties.end()) {
                    unknown.push_back(it.key());
                }
            }
        }
        if (unknown.empty()) unknown.push_back(error.name);
        std::vector<std::string_view> candidates(hints.properties.begin(), hints.properties.end());
        const std::string model = model_of(error.pointer);
        const std::string last = last_token(error.pointer);
        for (const std::string& name : unknown) {
            std::string where_text;
            if (error.pointer.empty()) {
                where_text = " in the blueprint";
            } else if (!model.empty() && (last == "attrs" || last == "identifiers")) {
                where_text = fmt::format(" for {}", model);
            } else if (!model.empty() && last != "attrs") {
                where_text = pointer_tokens(error.pointer).size() <= 3
                                 ? std::string(" in an entry")
                                 : fmt::format(" in '{}'", last);
            } else if (!last.empty()) {
                where_text = fmt::format(" in '{}'", last);
            }
            std::string pointer = error.pointer + "/" + name;
            report("schema-unknown-field",
                   fmt::format("unknown field '{}'{}{}", name, where_text,
                               did_you_mean(name, candidates)),
                   where(pointer, true));
        }
    }

    void required(const SchemaError& error) {
        // The loader reports entries without `model` or `identifiers` itself.
        // `attrs` is only ever one of two places for a field (reported then as such).
        if ((error.name == "identifiers" || error.name == "model" || error.name == "attrs") &&
            pointer_tokens(error.pointer).size() >= 2 &&
            pointer_tokens(error.pointer).front() == "entries") {
            return;
        }
        // "in identifiers or attrs" alternatives report once, at the entry.
        std::string owner = error.pointer;
        const std::string last = last_token(owner);
        if (last == "identifiers" || last == "attrs") owner = parent_of(owner);
        if (!required_seen_.insert(owner + "\n" + error.name).second) return;
        const std::string model = model_of(owner + "/x");
        std::string message;
        if (error.pointer.empty()) {
            message = fmt::format("missing required key '{}' in the blueprint", error.name);
        } else if (!model.empty() && owner != error.pointer) {
            message = fmt::format("missing required field '{}' of {} (in identifiers or attrs)",
                                  error.name, model);
        } else {
            message = fmt::format("missing required key '{}'", error.name);
        }
        report("schema-required", std::move(message), where(error.pointer));
    }

    void value_error(const SchemaError& first, const std::vector<const SchemaError*>& all) {
        const std::string& pointer = first.pointer;
        auto has = [&](ErrorKind kind) {
            return std::any_of(all.begin(), all.end(),
                               [kind](const SchemaError* e) { return e->kind == kind; });
        };
        const json* value = instance_at(pointer);
        const Location at = where(pointer);
        const std::string shown = value ? json_text(*value) : std::string();
        if (const TaggedValue* tagged = tagged_at(document_, pointer)) {
            const SchemaHints hints = hints_at(schema_.document, document_.json, pointer);
            report("schema-type",
                   fmt::format("{} yields {}, but {} must be {}", tagged->node->tag,
                               yield_word(tagged->yields), field_phrase(pointer),
                               expected_types(hints, nullptr)),
                   at);
            return;
        }
        const SchemaHints hints = hints_at(schema_.document, document_.json, pointer);
        if (last_token(pointer) == "model" && value && value->is_string() &&
            (has(ErrorKind::enumeration) || has(ErrorKind::constant))) {
            std::vector<std::string_view> names;
            for (const ModelInfo& model : all_models()) names.push_back(model.name);
            std::string known;
            if (find_model(shown) != nullptr)
                known = " (authentik knows it, but this schema does not)";
            report("schema-unknown-model",
                   fmt::format("unknown model '{}'{}{}", shown, did_you_mean(shown, names), known),
                   at);
            return;
        }
        if (has(ErrorKind::enumeration) || (has(ErrorKind::constant) && hints.values.size() > 0)) {
            std::vector<std::string> texts;
            for (const json& v : hints.values) texts.push_back(json_text(v));
            // Choice fields compare the value's text: `digits: 6` is the choice "6".
            if (value && !value->is_structured() &&
                std::find(texts.begin(), texts.end(), json_text(*value)) != texts.end() &&
                !has(ErrorKind::value)) {
                return;
            }
            std::vector<std::string_view> candidates(texts.begin(), texts.end());
            if (candidates.size() == 1) candidates.clear();
            std::string allowed;
            if (!texts.empty() && texts.size() <= 12) {
                allowed = fmt::format("; expected {}{}", texts.size() == 1 ? "" : "one of ",
                                      fmt::join(texts, ", "));
            }
            report("schema-enum",
                   fmt::format("invalid value '{}' for {}{}{}", shown, field_phrase(pointer),
                               did_you_mean(shown, candidates), allowed),
                   at);
            return;
        }
        if (has(ErrorKind::type) && value && convertible(*value, hints.types) &&
            !has(ErrorKind::value) && !has(ErrorKind::enumeration)) {
            return;
        }
        if (has(ErrorKind::type)) {
            const std::string expected = expected_types(hints, value);
            if (!expected.empty()) {
                report("schema-type",
                       fmt::format("{} must be {}, got {} '{}'", field_phrase(pointer), expected,
                                   value ? json_type(*value) : "nothing", shown),
                       at);
                return;
            }
        }
        std::string detail;
        for (const SchemaError* e : all) {
            if (e->kind == ErrorKind::value || e->kind == ErrorKind::summary) {
                detail = e->description;
                break;
            }
        }
        if (detail.empty()) detail = first.description;
        if (detail.starts_with("Failed to match regex") && !hints.patterns.empty()) {
            detail = fmt::format("it must match {}", fmt::join(hints.patterns, " and "));
        }
        if (!detail.empty() && detail.back() == '.') detail.pop_back();
        report("schema-value",
               fmt::format("invalid value '{}' for {}: {}", shown, field_phrase(pointer), detail),
               at);
    }

    /// "an integer", "a string or null": the allowed types the value does not have.
    static std::string expected_types(const SchemaHints& hints, const json* value) {
        std::vector<std::string> words;
        for (const std::string& type : hints.types) {
            const std::string_view word = type_word(type);
            if (value && json_type(*value) == word) continue;
            if (value && type == "number" && value->is_number()) continue;
            if (std::find(words.begin(), words.end(), word) == words.end()) {
                words.emplace_back(word);
            }
        }
        if (words.empty()) return {};
        std::string text;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (i > 0) text += i + 1 == words.size() ? " or " : ", ";
            const char first = words[i][0];
            const bool vowel =
                first == 'a' || first == 'i' || first == 'o' || first == 'u' || first == 'e';
            text +=
                words[i] == "null" ? "null" : fmt::format("{} {}", vowel ? "an" : "a", words[i]);
        }
        return text;
    }

    const Blueprint& blueprint_;
    const DocumentJson& document_;
    const CompiledSchema& schema_;
    Findings& findings_;
    std::vector<SchemaError> errors_;
    std::set<std::string> reported_;
    std::set<std::string> required_seen_;
};

}  // namespace

void check_schema(const Blueprint& blueprint, const CompiledSchema& schema, Findings& findings) {
    if (!blueprint.usable() || !schema.schema) return;
    const DocumentJson document = document_json(*blueprint.root);
    const valijson::adapters::NlohmannJsonAdapter target(document.json);
    // One validator per thread keeps its compiled regular expressions.
    thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
    std::vector<SchemaError> errors;
    try {
        // Most documents are valid: check quickly first, collect details only when not.
        const bool valid = schema.parts ? valid_by_parts(*schema.parts, document.json, validator)
                                        : validator.validate(*schema.schema, target, nullptr);
        if (valid) return;
        valijson::ValidationResults results;
        validator.validate(*schema.schema, target, &results);
        valijson::ValidationResults::Error error;
        while (results.popError(error)) errors.push_back(classify(error));
    } catch (const std::exception& e) {
        findings.error("schema-internal",
                       fmt::format("the schema could not be applied to this file: {}", e.what()),
                       blueprint.root->location);
        return;
    }
    ErrorReader(blueprint, document, schema, findings).read(std::move(errors));
}

}  // namespace flowprint::validation
