// The schema layer of validate (SPEC 7, layer 2): YAML to JSON with positions,
// tag placeholders, schema adjustments for valijson, hints.
#include <doctest/doctest.h>

#include "catalogue.h"
#include "test_support.h"
#include "validation/compiled_schema.h"
#include "validation/document_json.h"
#include "validation/schema_adjustments.h"
#include "validation/schema_check.h"
#include "validation/schema_hints.h"

using namespace flowprint;
using namespace flowprint::validation;
using json = nlohmann::json;

namespace {

Findings check_with(const std::string& yaml, const json& schema_document) {
    BlueprintSet set = testing::load_text(yaml);
    std::string error;
    auto schema = compile_schema(schema_document, error);
    REQUIRE_MESSAGE(schema, error);
    Findings findings;
    check_schema(set.blueprints.front(), *schema, findings);
    return findings;
}

const char* kEntry = R"(version: 1
entries:
  - model: Authentik_Core.Group
    identifiers:
      name: !Format ['%s', staff]
      pk: !Find [authentik_core.group, [name, x]]
      num_pk: 7
)";

}  // namespace

TEST_CASE("YAML becomes JSON typed as PyYAML types it, with tags as placeholders") {
    BlueprintSet set = testing::load_text(kEntry);
    const DocumentJson document = document_json(*set.blueprints.front().root);
    CHECK(document.json["version"] == 1);
    CHECK(document.json["entries"][0]["model"] == "authentik_core.group");  // lower-cased
    CHECK(document.json["entries"][0]["identifiers"]["num_pk"] == 7);
    REQUIRE(document.tagged.size() == 2);
    CHECK(document.tagged[0].pointer == "/entries/0/identifiers/name");
    CHECK(document.tagged[0].yields == TagYield::string);
    CHECK(document.tagged[1].yields == TagYield::anything);
    const Location at =
        node_at(*set.blueprints.front().root, "/entries/0/identifiers/num_pk").location;
    CHECK(at.line == 7);
    CHECK(at.column == 15);
    const Location key =
        node_at(*set.blueprints.front().root, "/entries/0/identifiers/num_pk", true).location;
    CHECK(key.column == 7);
}

TEST_CASE("a format on a non-string, or on a tag's placeholder, is not an exception") {
    // valijson throws when `format` meets a non-string; the adjusted schema does not.
    const json schema = json::parse(R"({"properties": {"entries": {"items": {"properties":
        {"identifiers": {"properties": {"pk": {"type": "string", "format": "date-time"},
                                        "num_pk": {"type": "string", "format": "uuid"}}}}}}}})");
    const Findings findings = check_with(kEntry, schema);
    INFO(testing::describe(findings));
    // num_pk is an integer where a string is required; DRF would accept it.
    CHECK(findings.empty());
    // A list where a formatted string is expected is a type error, not an exception.
    const Findings list = check_with(std::string(kEntry) + "      roles: [a]\n",
                                     json::parse(R"({"properties": {"entries": {"items":
        {"properties": {"identifiers": {"properties": {"roles": {"format": "date-time"}}}}}}}})"));
    INFO(testing::describe(list));
    CHECK_FALSE(testing::has_finding(list, "schema-internal"));
    CHECK(list.empty());
}

TEST_CASE("a oneOf selected by a const property reports the errors of its own branch only") {
    json schema = json::parse(R"({"properties": {"entries": {"items": {"oneOf": [
        {"type": "object", "required": ["model"], "properties": {"model": {"const": "a.x"},
         "attrs": {"additionalProperties": false, "properties": {"size": {"type": "integer"}}}}},
        {"type": "object", "required": ["model"], "properties": {"model": {"const": "a.y"},
         "attrs": {"additionalProperties": false, "properties": {"colour": {"type": "string"}}}}}
        ]}}}})");
    json adjusted = schema;
    adjust_schema(adjusted);
    CHECK_FALSE(adjusted["properties"]["entries"]["items"].contains("oneOf"));
    const Findings findings = check_with(R"(version: 1
entries:
  - model: a.x
    identifiers: {k: 1}
    attrs:
      sise: 3
  - model: a.z
    identifiers: {k: 1}
)",
                                         schema);
    INFO(testing::describe(findings));
    CHECK(findings.all().size() == 2);
    CHECK(testing::has_finding(findings, "schema-unknown-field", 6, 7));
    CHECK(testing::has_finding(findings, "schema-unknown-model", 7, 12));
    CHECK(findings.all()[0].message.find("did you mean 'size'") != std::string::npos);
}

TEST_CASE("hints follow $ref, allOf and if/then to the allowed fields and values") {
    const json& schema = embedded_schema().document;
    const json instance = json::parse(
        R"({"version": 1, "entries": [{"model": "authentik_flows.flow", "attrs": {"designation": "x"}}]})");
    const SchemaHints fields = hints_at(schema, instance, "/entries/0/attrs");
    CHECK(std::find(fields.properties.begin(), fields.properties.end(), "designation") !=
          fields.properties.end());
    const SchemaHints values = hints_at(schema, instance, "/entries/0/attrs/designation");
    CHECK(std::find(values.values.begin(), values.values.end(), json("recovery")) !=
          values.values.end());
}

TEST_CASE("the embedded schema is draft-07 and knows every model of the catalogue") {
    const json& schema = embedded_schema().document;
    CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
    const json& names = schema["definitions"]["modelName"]["enum"];
    for (const ModelInfo& model : all_models()) {
        INFO(model.name);
        CHECK(std::find(names.begin(), names.end(), json(std::string(model.name))) != names.end());
    }
}
