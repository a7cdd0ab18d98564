#include "compiled_schema.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>

#include "schema_adjustments.h"

namespace flowprint::validation {

CompiledSchema::CompiledSchema() = default;
CompiledSchema::~CompiledSchema() = default;
CompiledSchema::CompiledSchema(CompiledSchema&&) noexcept = default;
CompiledSchema& CompiledSchema::operator=(CompiledSchema&&) noexcept = default;

std::unique_ptr<CompiledSchema> compile_schema(nlohmann::json document, std::string& error) {
    if (!document.is_object()) {
        error = "a JSON Schema must be a JSON object";
        return nullptr;
    }
    auto compiled = std::make_unique<CompiledSchema>();
    compiled->document = std::move(document);
    adjust_schema(compiled->document);
    compiled->schema = std::make_unique<valijson::Schema>();
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(compiled->document),
                              *compiled->schema);
    } catch (const std::exception& e) {
        error = std::string("the schema cannot be used: ") + e.what();
        return nullptr;
    }
    compiled->parts = split_entry_schemas(compiled->document);
    return compiled;
}

const CompiledSchema& embedded_schema() {
    static const std::unique_ptr<CompiledSchema> schema = [] {
        std::string error;
        auto compiled = compile_schema(nlohmann::json::parse(embedded_schema_text()), error);
        // The embedded schema is tested at build time; an error is a bug.
        if (!compiled) throw std::logic_error("embedded schema: " + error);
        return compiled;
    }();
    return *schema;
}

}  // namespace flowprint::validation
