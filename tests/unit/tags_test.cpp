// The fourteen tags of SPEC 2.1, one test case each, with their error cases.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace flowprint;
using testing::has_finding;

namespace {

/// Loads a blueprint whose single entry is a dummy stage; `attrs` is the YAML
/// of its attrs mapping (indented by six spaces when it spans lines).
BlueprintSet with_attrs(const std::string& attrs, ResolveSettings settings = {},
                        const std::string& before = "") {
    return testing::load_text("version: 1\ncontext:\n  greeting: hello\n  count: 3\nentries:\n" +
                                  before +
                                  "  - model: authentik_stages_dummy.dummystage\n"
                                  "    identifiers: {name: probe}\n"
                                  "    attrs:\n" +
                                  attrs + "\n",
                              std::move(settings));
}

/// Python's str() of attrs.value of the probe stage.
std::string value_of(const BlueprintSet& set) {
    for (ObjectId id : set.store.of_model("authentik_stages_dummy.dummystage")) {
        const StoredObject& object = set.store.get(id);
        if (const Value* name = object.field("name"); name && python_str(*name) == "probe") {
            const Value* value = object.field("value");
            return value ? python_str(*value) : "<unset>";
        }
    }
    return "<no probe>";
}

std::string value_of(const std::string& attrs, ResolveSettings settings = {}) {
    BlueprintSet set = with_attrs(attrs, std::move(settings));
    INFO(testing::describe(set.findings));
    CHECK_FALSE(set.findings.has_errors());
    return value_of(set);
}

}  // namespace

TEST_CASE("!KeyOf links to an earlier entry of the same file") {
    BlueprintSet set = testing::load_text(R"(version: 1
entries:
  - model: authentik_flows.flow
    id: the-flow
    identifiers: {slug: f}
  - model: authentik_stages_dummy.dummystage
    identifiers: {name: s}
    attrs: {flow: !KeyOf the-flow}
)");
    CHECK_FALSE(set.findings.has_errors());
    const StoredObject& stage = testing::only(set, "authentik_stages_dummy.dummystage");
    REQUIRE(stage.field("flow")->is<ObjectRef>());
    CHECK(set.store.get(stage.field("flow")->as<ObjectRef>()->id).model == "authentik_flows.flow");

    SUBCASE("an unknown id is an error at the tag, with the closest id") {
        BlueprintSet bad = testing::load_text(R"(version: 1
entries:
  - model: authentik_flows.flow
    id: the-flow
    identifiers: {slug: f}
  - model: authentik_stages_dummy.dummystage
    identifiers: {name: s}
    attrs: {flow: !KeyOf the-flwo}
)");
        REQUIRE(has_finding(bad.findings, "keyof-unknown-id", 8, 19));
        CHECK(bad.findings.all().front().message.find("did you mean 'the-flow'") !=
              std::string::npos);
    }
    SUBCASE("a forward reference is the unknown-id error") {
        BlueprintSet bad = testing::load_text(R"(version: 1
entries:
  - model: authentik_stages_dummy.dummystage
    identifiers: {name: s}
    attrs: {flow: !KeyOf later}
  - model: authentik_flows.flow
    id: later
    identifiers: {slug: f}
)");
        CHECK(has_finding(bad.findings, "keyof-unknown-id", 5, 19));
    }
    SUBCASE("an id of another file is unknown") {
        BlueprintSet bad = testing::load_texts(
            {{"a.yaml",
              "version: 1\nentries:\n  - model: authentik_flows.flow\n    id: x\n"
              "    identifiers: {slug: f}\n"},
             {"b.yaml",
              "version: 1\nentries:\n  - model: authentik_stages_dummy.dummystage\n"
              "    identifiers: {name: s}\n    attrs: {flow: !KeyOf x}\n"}});
        CHECK(has_finding(bad.findings, "keyof-unknown-id", 5, 19));
    }
    SUBCASE("a skipped or deleted entry") {
        BlueprintSet bad = testing::load_text(R"(version: 1
entries:
  - model: authentik_flows.flow
    id: skipped
    conditions: [false]
    identifiers: {slug: f}
  - model: authentik_flows.flow
    id: gone
    state: absent
    identifiers: {slug: g}
  - model: authentik_stages_dummy.dummystage
    identifiers: {name: s}
    attrs: {a: !KeyOf skipped, b: !KeyOf gone}
)");
        CHECK(has_finding(bad.findings, "keyof-skipped-entry", 13, 16));
        CHECK(has_finding(bad.findings, "keyof-deleted-entry", 13, 35));
    }
    SUBCASE("a sequence argument is a shape error") {
        BlueprintSet bad = with_attrs("      value: !KeyOf [a, b]");
        CHECK(has_finding(bad.findings, "tag-arguments", 9, 14));
    }
}

TEST_CASE("!Find and !FindObject search everything applied so far") {
    const std::string first = R"(version: 1
entries:
  - model: authentik_flows.flow
    identifiers: {slug: login}
    attrs: {name: Login, designation: authentication}
  - model: authentik_stages_dummy.dummystage
    id: st
    identifiers: {name: st}
  - model: authentik_flows.flowstagebinding
    identifiers: {target: !Find [authentik_flows.flow, [slug, login]], stage: !KeyOf st, order: 10}
)";
    SUBCASE("a plain field, a followed link, a string matching an integer") {
        BlueprintSet set = testing::load_texts({{"a.yaml", first}, {"b.yaml", R"(version: 1
entries:
  - model: authentik_stages_dummy.dummystage
    identifiers: {name: probe}
    attrs:
      flow: !Find [authentik_flows.flow, [slug, login]]
      binding: !Find [authentik_flows.flowstagebinding, [target__slug, login], [order, "10"]]
      insensitive: !Find [AUTHENTIK_FLOWS.FLOW, [name__iexact, LOGIN]]
      object: !FindObject [authentik_flows.flow, [slug, login]]
      by_default: !Find [authentik_flows.flow, [authentication, none]]
)"}});
        INFO(testing::describe(set.findings));
        CHECK(set.findings.empty());
        const StoredObject* probe = nullptr;
        for (ObjectId id : set.store.of_model("authentik_stages_dummy.dummystage")) {
            if (python_str(*set.store.get(id).field("name")) == "probe") probe = &set.store.get(id);
        }
        REQUIRE(probe);
        CHECK(probe->field("flow")->is<ObjectRef>());
        REQUIRE(probe->field("binding")->is<ObjectRef>());
        CHECK(set.store.get(probe->field("binding")->as<ObjectRef>()->id).model ==
              "authentik_flows.flowstagebinding");
        CHECK(probe->field("insensitive")->is<ObjectRef>());
        CHECK(python_str(*probe->field("object")->find("name")) == "Login");
        CHECK(probe->field("by_default")->is<ObjectRef>());
    }
    SUBCASE("no match is an external reference: a warning, and None to conditions") {
        BlueprintSet set = testing::load_text(R"(version: 1
entries:
  - model: authentik_stages_dummy.dummystage
    identifiers: {name: probe}
    conditions: [!Condition [NOR, !Find [authentik_brands.brand, [default, true]]]]
    attrs:
      value: !Find [authentik_flows.flow, [slug, elsewhere]]
)");
        CHECK_FALSE(set.findings.has_errors());
        CHECK(has_finding(set.findings, "find-external", 7, 14));
        const StoredObject& probe = testing::only(set, "authentik_stages_dummy.dummystage");
        REQUIRE(probe.field("value")->is<ExternalRef>());
        CHECK(probe.field("value")->as<ExternalRef>()->model == "authentik_flows.flow");
    }
    SUBCASE("an external reference keeps the natural key it was looked up by") {
        ResolveSettings settings;
        settings.environment = [](const std::string&) { return std::optional<std::string>("bob"); };
        auto key = [&](const std::string& find) {
            BlueprintSet set = with_attrs("      value: " + find, settings);
            const Value* value =
                testing::only(set, "authentik_stages_dummy.dummystage").field("value");
            REQUIRE(value->is<ExternalRef>());
            return value->as<ExternalRef>()->name;
        };
        CHECK(key("!Find [authentik_core.user, [username, bob]]") == "bob");
        CHECK(key("!Find [authentik_core.user, [name, Bob]]").empty());  // a display name
        CHECK(key("!Find [authentik_core.group, [name, admins]]") == "admins");
        CHECK(key("!Find [authentik_core.user, [username, !Env U]]").empty());
    }
    SUBCASE("a lookup flowprint cannot evaluate is an info finding") {
        BlueprintSet set =
            with_attrs("      value: !Find [authentik_flows.flow, [slug__startswith, x]]");
        CHECK(has_finding(set.findings, "find-unsupported-lookup", 9, 14));
        CHECK_FALSE(set.findings.has_errors());
    }
    SUBCASE("a condition that is not a pair is a shape error") {
        BlueprintSet set = with_attrs("      value: !Find [authentik_flows.flow, slug]");
        CHECK(has_finding(set.findings, "tag-arguments", 9, 43));
    }
}

TEST_CASE("!Context reads the command line, then the blueprint, then the default") {
    CHECK(value_of("      value: !Context greeting") == "hello");
    CHECK(value_of("      value: !Context [missing, fallback]") == "fallback");
    ResolveSettings settings;
    settings.context_overrides.push_back(MappingEntry{"greeting", Value{std::string("hi")}});
    CHECK(value_of("      value: !Context greeting", settings) == "hi");
    SUBCASE("a missing key without default is None, with a note") {
        BlueprintSet set = with_attrs("      value: !Context nothing");
        CHECK(value_of(set) == "None");
        CHECK(has_finding(set.findings, "context-missing", 9, 14));
    }
    SUBCASE("a key authentik supplies is unknown, not an error") {
        BlueprintSet set = with_attrs("      value: !Context goauthentik.io/rbac/models");
        CHECK_FALSE(set.findings.has_errors());
    }
    SUBCASE("a context value that refers to itself is a cycle, not a hang") {
        BlueprintSet set = testing::load_text(R"(version: 1
context:
  loop: !Context loop
entries:
  - model: authentik_stages_dummy.dummystage
    identifiers: {name: probe}
    attrs: {value: !Context loop}
)");
        CHECK(has_finding(set.findings, "context-cycle"));
    }
}

TEST_CASE("!Env: empty counts as unset, and the value is secret") {
    ResolveSettings settings;
    settings.environment = [](const std::string& name) -> std::optional<std::string> {
        if (name == "SET") return std::string("s3cret");
        if (name == "EMPTY") return std::string();
        return std::nullopt;
    };
    BlueprintSet set = with_attrs("      value: !Env SET", settings);
    const StoredObject& probe = testing::only(set, "authentik_stages_dummy.dummystage");
    CHECK(*probe.field("value")->as<std::string>() == "s3cret");
    CHECK(probe.field("value")->secret);
    CHECK(python_str(*probe.field("value")).find("s3cret") == std::string::npos);
    CHECK(value_of("      value: !Env [EMPTY, dflt]", settings) == "dflt");
    CHECK(value_of("      value: !Env [UNSET, 7]", settings) == "7");
    CHECK(value_of("      value: !Env UNSET", settings) == "None");
    CHECK(value_of("      value: !Format ['%s!', !Env SET]", settings) == "<!Env value>");
    SUBCASE("a scalar with a comma is one variable name: warning") {
        BlueprintSet warned = with_attrs("      value: !Env NAME, default", settings);
        CHECK(has_finding(warned.findings, "env-scalar-default", 9, 14));
    }
}

TEST_CASE("!File is off by default") {
    BlueprintSet set = with_attrs("      value: !File [/etc/hostname, fallback]");
    CHECK(value_of(set) == "fallback");
    CHECK(has_finding(set.findings, "file-not-read", 9, 14));
}

TEST_CASE("!Format is Python's % formatting") {
    CHECK(value_of("      value: !Format ['%s-%d', !Context greeting, !Context count]") ==
          "hello-3");
    CHECK(value_of("      value: !Format ['%05.1f|%-4s|%x|%%', 3.14159, ab, 255]") ==
          "003.1|ab  |ff|%");
    CHECK(value_of("      value: !Format ['%i %s %s', 7, true, null]") == "7 True None");
    CHECK(value_of("      value: !Format ['%+d|%5.2s|%#x|%o', 4, abc, 255, 8]") ==
          "+4|   ab|0xff|10");
    SUBCASE("errors") {
        CHECK(has_finding(with_attrs("      value: !Format ['%s %s', a]").findings,
                          "format-invalid", 9, 14));
        CHECK(has_finding(with_attrs("      value: !Format ['%s', a, b]").findings,
                          "format-invalid", 9, 14));
        CHECK(has_finding(with_attrs("      value: !Format ['%d', abc]").findings, "format-invalid",
                          9, 14));
        CHECK(has_finding(with_attrs("      value: !Format ['%i', '7']").findings, "format-invalid",
                          9, 14));
        CHECK(has_finding(with_attrs("      value: !Format ['%c', 1]").findings, "format-invalid",
                          9, 14));
        CHECK(
            has_finding(with_attrs("      value: !Format plain").findings, "tag-arguments", 9, 14));
    }
}

TEST_CASE("!If resolves only the chosen branch") {
    CHECK(value_of("      value: !If [!Context count, yes-branch, no-branch]") == "yes-branch");
    CHECK(value_of("      value: !If [[], yes-branch, no-branch]") == "no-branch");
    CHECK(value_of("      value: !If ['']") == "False");
    // The untaken branch would be an error if it were resolved.
    CHECK(value_of("      value: !If [true, fine, !KeyOf nowhere]") == "fine");
    CHECK(has_finding(with_attrs("      value: !If [a, b]").findings, "tag-arguments", 9, 14));
}

TEST_CASE("!Condition over truthiness") {
    CHECK(value_of("      value: !Condition [AND, true, 1, x]") == "True");
    CHECK(value_of("      value: !Condition [and, true, 0]") == "False");
    CHECK(value_of("      value: !Condition [NAND, true, 0]") == "True");
    CHECK(value_of("      value: !Condition [OR, '', 0, [a]]") == "True");
    CHECK(value_of("      value: !Condition [NOR, '', 0, {}]") == "True");
    CHECK(value_of("      value: !Condition [XOR, true, true, true]") == "True");
    CHECK(value_of("      value: !Condition [XNOR, true, false]") == "False");
    CHECK(has_finding(with_attrs("      value: !Condition [MAYBE, true]").findings, "tag-arguments",
                      9, 26));
    CHECK(
        has_finding(with_attrs("      value: !Condition [AND]").findings, "tag-arguments", 9, 14));
}

TEST_CASE("!Enumerate with nested !Index and !Value") {
    CHECK(
        value_of("      value: !Enumerate [[a, b], SEQ, !Format ['%s=%s', !Index 0, !Value 0]]") ==
        "['0=a', '1=b']");
    CHECK(value_of("      value: !Enumerate [{x: 1, y: 2}, MAP, [!Value 0, !Index 0]]") ==
          "{'1': 'x', '2': 'y'}");
    CHECK(value_of("      value: !Enumerate [ab, SEQ, !Value 0]") == "['a', 'b']");
    CHECK(value_of("      value: !Enumerate [[p, q], SEQ, !Enumerate [[1, 2], SEQ, "
                   "!Format ['%s%s%s', !Value 1, !Value 0, !Index 1]]]") ==
          "[['p10', 'p20'], ['q11', 'q21']]");
    SUBCASE("errors") {
        CHECK(
            has_finding(with_attrs("      value: !Index 0").findings, "enumerate-outside", 9, 14));
        CHECK(has_finding(with_attrs("      value: !Enumerate [[a], SEQ, !Value 1]").findings,
                          "enumerate-outside", 9, 36));
        CHECK(has_finding(with_attrs("      value: !Enumerate [5, SEQ, x]").findings,
                          "tag-arguments", 9, 26));
        CHECK(has_finding(with_attrs("      value: !Enumerate [[a], LIST, x]").findings,
                          "tag-arguments", 9, 31));
    }
    SUBCASE("over a value only the server knows: empty, with a note") {
        BlueprintSet set =
            with_attrs("      value: !Enumerate [!Context goauthentik.io/rbac/models, SEQ, x]");
        CHECK(value_of(set) == "[]");
        CHECK(has_finding(set.findings, "enumerate-unknown"));
        CHECK_FALSE(set.findings.has_errors());
    }
}

TEST_CASE("!AtIndex with and without a default") {
    CHECK(value_of("      value: !AtIndex [[a, b, c], -1]") == "c");
    CHECK(value_of("      value: !AtIndex [{k: v}, k]") == "v");
    CHECK(value_of("      value: !AtIndex [[a], 5, dflt]") == "dflt");
    CHECK(has_finding(with_attrs("      value: !AtIndex [[a], 5]").findings, "atindex-missing", 9,
                      14));
    CHECK(has_finding(with_attrs("      value: !AtIndex [{k: v}, z]").findings, "atindex-missing",
                      9, 14));
}

TEST_CASE("!ParseJSON") {
    CHECK(value_of("      value: !ParseJSON '{\"a\": [1, true, null]}'") ==
          "{'a': [1, True, None]}");
    CHECK(has_finding(with_attrs("      value: !ParseJSON '{bad'").findings, "parsejson-invalid", 9,
                      14));
}

TEST_CASE("unknown tags are errors with the closest known tag") {
    BlueprintSet set = with_attrs("      value: !Keyof x");
    REQUIRE(has_finding(set.findings, "tag-unknown", 9, 14));
    CHECK(set.findings.all().front().message.find("did you mean '!KeyOf'") != std::string::npos);
}
