#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <unordered_map>

namespace valijson {
class Schema;
class Subschema;
class Validator;
}  // namespace valijson

namespace flowprint::validation {

/// A blueprint schema taken apart so that a valid document is checked
/// quickly: the envelope (the schema with the entries' item schema left
/// out) and, per model, the entry schema without the `if model is X` blocks
/// of the other models. The entry schema of both schemas we meet is an
/// `allOf` of one such block per model, so checking an entry against the
/// whole of it evaluates every model's `if`; against its own part, one.
///
/// Within a model's part, what the model alone decides is decided once when
/// splitting: the `model` property's own schema (an enum of every model) and
/// the blocks whose `if` tests only the model, which become their `then` or
/// `else`. The parts decide validity exactly as the whole schema does: a
/// block whose `if` fixes another model holds for the entry anyway. Reports
/// of invalid documents still come from the whole schema.
struct EntrySchemas {
    EntrySchemas();
    ~EntrySchemas();

    std::string key;  ///< the property the blocks test, `model`
    std::unique_ptr<valijson::Schema> envelope;
    /// Owns the per-model subschemas that `by_model` points into.
    std::unique_ptr<valijson::Schema> models;
    std::unordered_map<std::string, const valijson::Subschema*> by_model;
    /// The entry schema without any model's block, for models that have none.
    const valijson::Subschema* other = nullptr;
};

/// The parts of an adjusted schema document, or nothing when its shape is
/// not the one recognised (entries reached otherwise than through
/// `properties/entries` items, references outside the definitions, ...):
/// the whole schema is used then.
std::unique_ptr<EntrySchemas> split_entry_schemas(const nlohmann::json& schema);

/// True when the document certainly satisfies the schema the parts come
/// from; false when it does not, or when an entry has no model to pick a
/// part by.
bool valid_by_parts(const EntrySchemas& parts, const nlohmann::json& document,
                    valijson::Validator& validator);

}  // namespace flowprint::validation
