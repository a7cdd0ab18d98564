// The schema in parts (validation/entry_schemas): it must pass and fail
// exactly the documents the whole schema passes and fails.
#include <doctest/doctest.h>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/validator.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "blueprint.h"
#include "validation/compiled_schema.h"
#include "validation/document_json.h"

using namespace flowprint;
using namespace flowprint::validation;
using json = nlohmann::json;

namespace {

const std::string kCorpus = FLOWPRINT_SHARED_DIR "/corpus/authentik-2024.12";

std::unique_ptr<CompiledSchema> authentik_schema() {
    std::ifstream in(kCorpus + "/schema.json");
    REQUIRE_MESSAGE(in, "authentik's schema.json is missing from the shared corpus");
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    auto schema = compile_schema(json::parse(text.str()), error);
    REQUIRE_MESSAGE(schema, error);
    return schema;
}

/// Both ways of checking agree on the document; gives the verdict.
bool same_verdict(const CompiledSchema& schema, const json& document) {
    REQUIRE(schema.parts);
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    const bool whole = validator.validate(
        *schema.schema, valijson::adapters::NlohmannJsonAdapter(document), nullptr);
    INFO(document.dump());
    CHECK(valid_by_parts(*schema.parts, document, validator) == whole);
    return whole;
}

json entry(const char* model, json attrs, json identifiers = {{"slug", "s"}}) {
    return json{{"model", model}, {"identifiers", identifiers}, {"attrs", attrs}};
}

/// Documents around the edges of the parts: every model's branch, unknown
/// and missing models, grouped entries, non-mapping entries.
std::vector<json> edge_documents() {
    const json flow = entry("authentik_flows.flow", {{"name", "n"}, {"designation", "recovery"}});
    std::vector<json> entries{
        flow,
        entry("authentik_flows.flow", {{"designation", "nonsense"}}),
        entry("authentik_flows.flow", {{"no_such_field", 1}}),
        entry("authentik_flows.flowstagebinding", {{"stage", "x"}}, {{"target", "y"}}),
        entry("authentik_flows.flowstagebinding", {{"stage", "x"}, {"order", 1}},
              {{"target", "y"}}),
        entry("authentik_core.group", {{"is_superuser", "yes please"}}, {{"name", "g"}}),
        entry("authentik_core.nosuchmodel", json::object()),
        entry("authentik_stages_prompt.prompt", {{"field_key", "k"}}, {{"name", "p"}}),
        entry("authentik_stages_prompt.prompt", {{"no_such_field", 1}}, {{"name", "p"}}),
        // Models that blocks with an `if` over a list of models (and `else`) decide.
        entry("authentik_stages_mtls.mutualtlsstage", {{"name", "m"}}, {{"name", "m"}}),
        entry("authentik_stages_mtls.mutualtlsstage", {{"no_such_field", 1}}, {{"name", "m"}}),
        entry("authentik_policies_unique_password.uniquepasswordpolicy", {{"name", "u"}},
              {{"name", "u"}}),
        entry("authentik_policies_unique_password.uniquepasswordpolicy",
              {{"execution_logging", "x"}}, {{"name", "u"}}),
        json{{"identifiers", {{"slug", "s"}}}},
        json("a string"),
        json{{"model", 7}, {"identifiers", json::object()}},
    };
    std::vector<json> documents;
    for (const json& each : entries) {
        documents.push_back(json{{"version", 1}, {"entries", json::array({flow, each})}});
        documents.push_back(json{{"version", 1}, {"entries", {{"group", json::array({each})}}}});
    }
    documents.push_back(json{{"entries", json::array({flow})}});
    documents.push_back(json{{"version", 1}, {"entries", "none"}, {"extra", true}});
    documents.push_back(json::array());
    return documents;
}

}  // namespace

TEST_CASE("the built-in schema and authentik's split into one part per model") {
    const CompiledSchema& embedded = embedded_schema();
    REQUIRE(embedded.parts);
    CHECK(embedded.parts->key == "model");
    CHECK(embedded.parts->by_model.size() > 30);
    CHECK(embedded.parts->by_model.contains("authentik_flows.flow"));
    CHECK(embedded.parts->other != nullptr);  // models without a block of their own

    const auto authentik = authentik_schema();
    REQUIRE(authentik->parts);
    CHECK(authentik->parts->by_model.size() > 90);
    CHECK(authentik->parts->by_model.contains("authentik_flows.flowstagebinding"));
}

TEST_CASE("the parts give the whole schema's verdict on edge documents") {
    const auto authentik = authentik_schema();
    int valid = 0, invalid = 0;
    for (const CompiledSchema* schema :
         {&embedded_schema(), static_cast<const CompiledSchema*>(authentik.get())}) {
        for (const json& document : edge_documents()) {
            (same_verdict(*schema, document) ? valid : invalid)++;
        }
    }
    CHECK(valid > 0);  // both verdicts are exercised
    CHECK(invalid > 0);
}

TEST_CASE("the parts give the whole schema's verdict on authentik's own blueprints") {
    const auto authentik = authentik_schema();
    std::size_t files = 0;
    for (const auto& item : std::filesystem::recursive_directory_iterator(kCorpus)) {
        if (item.path().extension() != ".yaml") continue;
        Findings findings;
        const Blueprint blueprint = read_blueprint(item.path().string(), Limits{}, findings);
        if (!blueprint.root) continue;
        const json document = document_json(*blueprint.root).json;
        CHECK(same_verdict(embedded_schema(), document));
        same_verdict(*authentik, document);  // some fail it: `digits: 6` for a choice "6"
        ++files;
    }
    CHECK(files > 20);
}

TEST_CASE("what the model alone decides is decided once per part, with the same verdicts") {
    // `model` is an enum; one block fixes a.b, one tests a list of models with
    // an `else`, one tests more than the model and must stay as it is.
    const json by_model{{"properties", {{"model", {{"enum", {"a.b", "c.d"}}}}}},
                        {"required", {"model"}}};
    const json items{
        {"type", "object"},
        {"required", {"model"}},
        {"properties",
         {{"model", {{"$ref", "#/definitions/modelName"}}}, {"attrs", json::object()}}},
        {"allOf",
         json::array(
             {json{{"if",
                    {{"properties", {{"model", {{"const", "a.b"}}}}}, {"required", {"model"}}}},
                   {"then", {{"required", {"attrs"}}}}},
              json{{"if", by_model},
                   {"then", {{"properties", {{"attrs", {{"type", "object"}}}}}}},
                   {"else", {{"properties", {{"attrs", {{"type", "string"}}}}}}}},
              json{{"if",
                    {{"properties", {{"model", {{"const", "c.d"}}}}}, {"required", {"attrs"}}}},
                   {"then", {{"properties", {{"attrs", {{"required", {"x"}}}}}}}}}})}};
    const json schema{
        {"definitions", {{"modelName", {{"type", "string"}, {"enum", {"a.b", "c.d", "e.f"}}}}}},
        {"type", "object"},
        {"properties", {{"entries", {{"type", "array"}, {"items", items}}}}}};
    std::string error;
    const auto compiled = compile_schema(schema, error);
    REQUIRE(compiled);
    REQUIRE(compiled->parts);
    CHECK(compiled->parts->by_model.contains("a.b"));
    int valid = 0, invalid = 0;
    for (const char* model : {"a.b", "c.d", "e.f", "g.h"}) {
        for (const json& attrs :
             {json(), json::object(), json{{"x", 1}}, json("text"), json::array()}) {
            json item{{"model", model}};
            if (!attrs.is_null()) item["attrs"] = attrs;
            (same_verdict(*compiled, json{{"entries", json::array({item})}}) ? valid : invalid)++;
        }
    }
    CHECK(valid > 3);
    CHECK(invalid > 3);
}

TEST_CASE("a schema that reaches entries another way is not split") {
    std::string error;
    const json items{
        {"type", "object"},
        {"allOf",
         json::array({json{
             {"if", {{"properties", {{"model", {{"const", "a.b"}}}}}, {"required", {"model"}}}},
             {"then", {{"required", {"attrs"}}}}}})}};
    json schema{{"type", "object"},
                {"properties", {{"entries", {{"type", "array"}, {"items", items}}}}}};
    auto split = compile_schema(schema, error);
    REQUIRE(split);
    CHECK(split->parts);
    schema["properties"]["other"] = {{"$ref", "#/properties/entries"}};
    auto whole = compile_schema(schema, error);
    REQUIRE(whole);
    CHECK_FALSE(whole->parts);
}
