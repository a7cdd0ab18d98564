#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>

#include "entry_schemas.h"

namespace valijson {
class Schema;
}

namespace flowprint::validation {

/// A JSON Schema ready to check blueprints: the schema document after
/// flowprint's adjustments (kept for "did you mean" hints) and valijson's
/// parsed form of it. Parsing is the expensive part, so it happens once.
struct CompiledSchema {
    CompiledSchema();
    ~CompiledSchema();
    CompiledSchema(CompiledSchema&&) noexcept;
    CompiledSchema& operator=(CompiledSchema&&) noexcept;

    nlohmann::json document;
    std::unique_ptr<valijson::Schema> schema;
    /// The same schema in parts, to pass valid documents quickly; nothing
    /// when the schema's shape does not allow it.
    std::unique_ptr<EntrySchemas> parts;
};

/// Adjusts and parses a schema document. On failure gives nothing and says
/// why in `error`.
std::unique_ptr<CompiledSchema> compile_schema(nlohmann::json document, std::string& error);

/// The blueprint schema of `schemas/`, embedded in the binary at build time.
std::string_view embedded_schema_text();

/// The embedded schema, parsed on first use and kept for the process.
const CompiledSchema& embedded_schema();

}  // namespace flowprint::validation
