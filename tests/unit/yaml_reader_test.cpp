#include "yaml_reader.h"

#include <doctest/doctest.h>

#include "test_support.h"

using namespace flowprint;
using flowprint::testing::has_finding;

namespace {

struct Read {
    std::optional<yaml::Node> root;
    Findings findings;
};

Read read(std::string_view text, Limits limits = {}) {
    Read result;
    result.root = yaml::read_document(text, "test.yaml", limits, result.findings);
    return result;
}

const yaml::Node& value_of(const Read& read, std::string_view key) {
    REQUIRE(read.root);
    const yaml::Node* value = read.root->find(key);
    REQUIRE(value != nullptr);
    return *value;
}

/// Whether the findings are exactly one error of this rule at line:col.
bool only_finding(const Findings& findings, std::string_view rule, std::uint32_t line,
                  std::uint32_t column) {
    return findings.all().size() == 1 && has_finding(findings, rule, line, column);
}

}  // namespace

TEST_CASE("positions are 1-based lines and character columns") {
    const Read doc = read("a:\n  b: [x, \"é\", y]\n");
    const yaml::Node& list = value_of(doc, "a").value(0);
    CHECK(list.location.line == 2);
    CHECK(list.location.column == 6);
    // The é before it is one column, not two bytes.
    CHECK(list.item(2).location.column == 15);
}

TEST_CASE("null is spelled by plain untagged scalars only") {
    const Read doc = read("a:\nb: ~\nc: Null\nd: 'null'\ne: !Env\nf: null_value\n");
    CHECK(value_of(doc, "a").is_null());
    CHECK(value_of(doc, "b").is_null());
    CHECK(value_of(doc, "c").is_null());
    CHECK(value_of(doc, "d").is_scalar());
    CHECK(value_of(doc, "d").style == yaml::ScalarStyle::quoted);
    // A tag keeps an empty node a scalar, so the tag sees it.
    CHECK(value_of(doc, "e").is_scalar());
    CHECK(value_of(doc, "e").tag == "!Env");
    CHECK(value_of(doc, "f").is_scalar());
}

TEST_CASE("tags are kept as written; the non-specific tag makes a string") {
    const Read doc = read("a: !Find [x, [y, z]]\nb: !!str 10\nc: ! 10\nd: |\n  text\n");
    CHECK(value_of(doc, "a").tag == "!Find");
    CHECK(value_of(doc, "a").is_sequence());
    CHECK(value_of(doc, "b").tag == "tag:yaml.org,2002:str");
    CHECK(value_of(doc, "c").tag.empty());
    CHECK(value_of(doc, "c").style == yaml::ScalarStyle::quoted);
    CHECK(value_of(doc, "d").style == yaml::ScalarStyle::quoted);
    CHECK(value_of(doc, "d").text == "text\n");
}

TEST_CASE("aliases copy their anchor's node, at the alias's position") {
    const Read doc = read("a: &x {k: v}\nb: *x\n");
    CHECK(doc.findings.all().empty());
    const yaml::Node& copy = value_of(doc, "b");
    CHECK(copy.is_mapping());
    CHECK(copy.value(0).text == "v");
    CHECK(copy.location.line == 2);
}

TEST_CASE("an alias with no anchor is a syntax finding") {
    const Read doc = read("a: *nowhere\n");
    CHECK_FALSE(doc.root);
    CHECK(only_finding(doc.findings, "yaml-syntax", 1, 4));
}

TEST_CASE("syntax errors say what the parser expected and where the construct began") {
    const Read doc = read("a: [1, 2\n");
    CHECK_FALSE(doc.root);
    REQUIRE(doc.findings.all().size() == 1);
    const Finding& finding = doc.findings.all().front();
    CHECK(finding.rule == "yaml-syntax");
    CHECK(finding.message ==
          "YAML syntax error: did not find expected ',' or ']' "
          "(while parsing a flow sequence that starts at 1:4)");
}

TEST_CASE("tabs do not indent YAML") {
    const Read doc = read("a:\n\tb: 1\n");
    CHECK_FALSE(doc.root);
    CHECK(has_finding(doc.findings, "yaml-syntax", 2, 1));
}

TEST_CASE("control characters are refused with their position") {
    const Read doc = read("a: 1\nb: \x01\n");
    CHECK_FALSE(doc.root);
    CHECK(only_finding(doc.findings, "yaml-invalid-character", 2, 4));
}

TEST_CASE("a second document is reported where it starts; the first is kept") {
    const Read doc = read("a: 1\n---\nb: 2\n");
    REQUIRE(doc.root);
    CHECK(value_of(doc, "a").text == "1");
    CHECK(only_finding(doc.findings, "yaml-multiple-documents", 2, 1));
}

TEST_CASE("a file with no document is not a blueprint") {
    CHECK(only_finding(read("# only a comment\n").findings, "not-a-blueprint", 1, 1));
    CHECK(only_finding(read("").findings, "not-a-blueprint", 1, 1));
}

TEST_CASE("a byte-order mark is skipped") {
    const Read doc = read("\xEF\xBB\xBFversion: 1\n");
    CHECK(doc.findings.all().empty());
    CHECK(value_of(doc, "version").location.column == 10);
}

TEST_CASE("positions count a lone CR or a CR LF as one line break") {
    CHECK(only_finding(read("a: 1\rb: \"\x01\"\r").findings, "yaml-invalid-character", 2, 5));
    CHECK(only_finding(read("a: 1\r\nb: \"\x01\"\r\n").findings, "yaml-invalid-character", 2, 5));
    CHECK(only_finding(read("a: 1\rb: \xff\r").findings, "yaml-invalid-utf8", 2, 4));
}

TEST_CASE("positions of unreadable bytes start after a byte-order mark") {
    CHECK(only_finding(read("\xEF\xBB\xBFversion: 1\xff\n").findings, "yaml-invalid-utf8", 1, 11));
    CHECK(only_finding(read(std::string_view("\xEF\xBB\xBFversion: 1\0\n", 16)).findings,
                       "yaml-invalid-character", 1, 11));
}

TEST_CASE("an anchor defined twice is refused, as authentik's loader refuses it") {
    const Read doc = read("a: &x 1\nb: &x 2\n");
    CHECK_FALSE(doc.root);
    CHECK(only_finding(doc.findings, "yaml-syntax", 2, 4));
}

TEST_CASE("!!seq and !!map are plain collections") {
    const Read doc = read("a: !!seq [1]\nb: !!map {c: 1}\n");
    CHECK_FALSE(value_of(doc, "a").is_tagged());
    CHECK(value_of(doc, "a").is_sequence());
    CHECK_FALSE(value_of(doc, "b").is_tagged());
}

TEST_CASE("an alias may not nest its anchor deeper than --max-depth") {
    Limits limits;
    limits.max_depth = 10;
    // Five levels, aliased inside six: eleven in all.
    const Read deep = read("a: &x [[[[[1]]]]]\nb: [[[[[*x]]]]]\n", limits);
    CHECK_FALSE(deep.root);
    CHECK(only_finding(deep.findings, "limit-depth", 2, 9));
    // Inside five: ten, the limit itself.
    CHECK(read("a: &x [[[[[1]]]]]\nb: [[[[*x]]]]\n", limits).findings.all().empty());
}

TEST_CASE("the copy an anchor keeps counts toward --max-nodes") {
    Limits limits;
    limits.max_nodes = 100;
    // 40 scalars, anchored at three levels: 3 copies + the tree > 100 nodes.
    std::string items;
    for (int i = 0; i < 40; ++i) items += i ? ", 1" : "1";
    const Read doc = read("a: &x [&y [&z [" + items + "]]]\n", limits);
    CHECK(has_finding(doc.findings, "limit-nodes"));
}
