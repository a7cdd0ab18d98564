// Hostile input (issue 6): limits, cycles, and !Env values that stay secret
// through every tag that derives a value from them.
#include <doctest/doctest.h>

#include <chrono>

#include "diagram_authentik.h"
#include "group_parents.h"
#include "python_format.h"
#include "scalar_typing.h"

#include <cmath>
#include "test_support.h"

using namespace flowprint;
using testing::has_finding;
using testing::load_text;

namespace {

ResolveSettings with_env(std::string name, std::string value) {
    ResolveSettings settings;
    settings.environment = [name, value](const std::string& asked) -> std::optional<std::string> {
        if (asked == name) return value;
        return std::nullopt;
    };
    return settings;
}

std::string repeat(std::string_view text, std::size_t times, std::string_view separator = "") {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) {
        if (i) out += separator;
        out += text;
    }
    return out;
}

}  // namespace

TEST_CASE("nesting deeper than --max-depth is one finding, as soon as it is read") {
    Limits limits;
    limits.max_depth = 50;
    ResolveSettings settings;
    settings.limits = limits;
    auto set =
        load_text("version: 1\nentries: " + repeat("[", 100000) + repeat("]", 100000), settings);
    CHECK(has_finding(set.findings, "limit-depth", 2));
    CHECK(set.findings.all().size() == 1);
}

TEST_CASE("an alias bomb stops at the node limit") {
    std::string yaml = "version: 1\ncontext:\n  l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n";
    for (int i = 1; i < 10; ++i) {
        yaml += "  l" + std::to_string(i) + ": &l" + std::to_string(i) + " [" +
                repeat("*l" + std::to_string(i - 1), 10, ", ") + "]\n";
    }
    yaml += "entries: []\n";
    auto set = load_text(yaml);
    CHECK(has_finding(set.findings, "limit-nodes"));
}

TEST_CASE("a nested !Enumerate bomb is stopped by the run's tag budget, with one finding") {
    const std::string items = repeat("1", 2000, ", ");
    auto set = load_text("version: 1\ncontext:\n  items: [" + items + R"(]
entries:
- model: authentik_core.group
  identifiers: {name: g}
  attrs:
    attributes: !Enumerate [!Context items, SEQ, !Enumerate [!Context items, SEQ,
      !Enumerate [!Context items, SEQ, [!Value 0, !Value 1]]]]
- model: authentik_core.group
  identifiers: {name: after}
)");
    INFO(testing::describe(set.findings));
    CHECK(set.findings.count(Severity::error) == 1);
    CHECK(has_finding(set.findings, "limit-tag-values"));
    // The run stops resolving: the entry after the bomb is not applied.
    CHECK(set.store.size() == 0);
}

TEST_CASE("the !Enumerate item budget is shared by the whole run") {
    ResolveSettings settings;
    settings.limits.max_enumerate_values = 5;
    auto set = testing::load_texts({{"a.yaml", R"(version: 1
entries:
- model: authentik_core.group
  identifiers: {name: a}
  attrs: {attributes: !Enumerate [[1, 2, 3], SEQ, !Value 0]}
)"},
                                    {"b.yaml", R"(version: 1
entries:
- model: authentik_core.group
  identifiers: {name: b}
  attrs: {attributes: !Enumerate [[1, 2, 3], SEQ, !Value 0]}
)"}},
                                   settings);
    CHECK(has_finding(set.findings, "limit-enumerate", 5));
    CHECK(set.findings.count(Severity::error) == 1);
}

TEST_CASE("a !Context chain that nests documents through tags is bounded") {
    std::string yaml = "version: 1\ncontext:\n";
    for (int i = 0; i < 40; ++i) {
        yaml += "  c" + std::to_string(i) + ": " + repeat("[", 100) + "!Context c" +
                std::to_string(i + 1) + repeat("]", 100) + "\n";
    }
    yaml += "entries:\n- model: authentik_core.group\n  identifiers: {name: !Context c0}\n";
    auto set = load_text(yaml);
    CHECK(has_finding(set.findings, "limit-depth"));
}

TEST_CASE("!Enumerate MAP over many items stays linear") {
    const std::string keys = repeat("k", 1) + "0";
    std::string items;
    for (int i = 0; i < 100000; ++i) items += (i ? ", k" : "k") + std::to_string(i);
    const auto start = std::chrono::steady_clock::now();
    auto set = load_text("version: 1\ncontext:\n  items: [" + items + R"(]
entries:
- model: authentik_core.group
  identifiers: {name: g}
  attrs: {attributes: !Enumerate [!Context items, MAP, [!Value 0, !Index 0]]}
)");
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE_FALSE(set.findings.has_errors());
    const auto* attributes = testing::only(set, "authentik_core.group").field("attributes");
    REQUIRE(attributes);
    CHECK(attributes->as<Mapping>()->size() == 100000);
    CHECK(attributes->find("k99999")->as<std::int64_t>() != nullptr);
    // Quadratic would be minutes; linear is well under a second.
    CHECK(seconds < 20);
}

TEST_CASE("merge_into of large mappings keeps order and replaces, merging nested mappings") {
    Mapping target, source;
    for (int i = 0; i < 2000; ++i)
        target.push_back({"k" + std::to_string(i), Value{std::int64_t{i}}});
    target.push_back({"nested", Value{Mapping{{"a", Value{std::int64_t{1}}}}}});
    for (int i = 1000; i < 3000; ++i)
        source.push_back({"k" + std::to_string(i), Value{std::string("s")}});
    source.push_back({"nested", Value{Mapping{{"b", Value{std::int64_t{2}}}}}});
    merge_into(target, source);
    CHECK(target.size() == 3001);
    CHECK(target[999].value.is<std::int64_t>());
    CHECK(target[1000].value.is<std::string>());
    CHECK(target[2001].key == "k2000");
    CHECK(find_in(target, "nested")->as<Mapping>()->size() == 2);
}

TEST_CASE("group parent cycles are found, each once, without recursion") {
    auto set = load_text(R"(version: 1
entries:
- {model: authentik_core.group, id: a, identifiers: {name: a}}
- {model: authentik_core.group, id: b, identifiers: {name: b}, attrs: {parent: !KeyOf a}}
- {model: authentik_core.group, identifiers: {name: a}, attrs: {parent: !KeyOf b}}
- {model: authentik_core.group, id: s, identifiers: {name: s}}
- {model: authentik_core.group, identifiers: {name: s}, attrs: {parents: [!KeyOf s]}}
- {model: authentik_core.group, id: ok, identifiers: {name: ok}, attrs: {parent: !KeyOf s}}
)");
    INFO(testing::describe(set.findings));
    CHECK(set.findings.count(Severity::error) == 2);
    CHECK(testing::describe(set.findings).find("a -> b -> a") != std::string::npos);
    CHECK(testing::describe(set.findings).find("s -> s") != std::string::npos);

    // A chain of 100,000 groups is walked without recursion.
    std::string chain =
        "version: 1\nentries:\n- {model: authentik_core.group, id: g0, identifiers: {name: g0}}\n";
    for (int i = 1; i < 100000; ++i) {
        chain += "- {model: authentik_core.group, id: g" + std::to_string(i) +
                 ", identifiers: {name: g" + std::to_string(i) + "}, attrs: {parent: !KeyOf g" +
                 std::to_string(i - 1) + "}}\n";
    }
    auto long_chain = load_text(chain);
    CHECK_FALSE(long_chain.findings.has_errors());
}

TEST_CASE("!KeyOf of the entry itself and self-referring !Context are findings") {
    auto set = load_text(R"(version: 1
context: {me: !Context me, ping: !Context pong, pong: !Context ping}
entries:
- {model: authentik_core.group, id: me, identifiers: {name: me}, attrs: {parent: !KeyOf me}}
- {model: authentik_core.group, identifiers: {name: !Context me}}
- {model: authentik_core.group, identifiers: {name: x}, attrs: {attributes: {p: !Context ping}}}
)");
    INFO(testing::describe(set.findings));
    CHECK(has_finding(set.findings, "keyof-unknown-id", 4));
    // At the !Context that closes each cycle, inside the context.
    CHECK(has_finding(set.findings, "context-cycle", 2, 15));
    CHECK(has_finding(set.findings, "context-cycle", 2, 55));
}

TEST_CASE("!Find lookups that follow a cycle of references stay bounded") {
    auto set = load_text(R"(version: 1
entries:
- {model: authentik_core.group, id: a, identifiers: {name: a}}
- {model: authentik_core.group, identifiers: {name: a}, attrs: {parent: !KeyOf a}}
- model: authentik_core.group
  identifiers: {name: finder}
  attrs:
    parent: !Find [authentik_core.group, [parent__parent__parent__parent__parent__name, a]]
    attributes:
      deep: !Find [authentik_core.group, [)" +
                         repeat("parent", 40, "__") + R"(__name, a]]
)");
    INFO(testing::describe(set.findings));
    const auto& store = set.store;
    bool found = false;
    for (ObjectId id : store.of_model("authentik_core.group")) {
        const Value* name = store.get(id).field("name");
        if (name && python_str(*name) == "finder") {
            found = store.get(id).field("parent")->is<ObjectRef>();
        }
    }
    CHECK(found);
    CHECK(has_finding(set.findings, "group-parent-cycle"));
    CHECK(has_finding(set.findings, "find-unsupported-lookup"));
}

TEST_CASE("values derived from !Env stay secret through every tag") {
    const std::string secret = "s3cr3t-value";
    auto set = load_text(
        R"(version: 1
context: {k: !Env SECRET, list: [!Env SECRET]}
entries:
- model: authentik_flows.flow
  id: flow
  identifiers: {slug: f}
  attrs: {name: !Context k, title: !Format ["%s!", !Env SECRET]}
- model: authentik_stages_dummy.dummystage
  id: chars
  identifiers: {name: !AtIndex [!Context list, 0]}
  attrs: {letters: !Enumerate [!Env SECRET, SEQ, !Value 0]}
- model: authentik_flows.flowstagebinding
  identifiers: {target: !KeyOf flow, stage: !KeyOf chars, order: 1}
- model: authentik_flows.flowstagebinding
  identifiers: {target: !KeyOf flow, stage: !Find [authentik_stages_dummy.dummystage, [name, !Env OTHER]], order: 2}
- model: authentik_core.group
  identifiers: {name: g}
  attrs: {attributes: {n: !AtIndex [!Env SECRET, 0]}}
)",
        [&] {
            ResolveSettings settings = with_env("SECRET", secret);
            settings.environment = [secret](const std::string& name) -> std::optional<std::string> {
                if (name == "SECRET") return secret;
                if (name == "OTHER") return std::string("other-secret");
                return std::nullopt;
            };
            return settings;
        }());
    INFO(testing::describe(set.findings));
    FlowIndex index(set.store);
    const std::string diagram = render_authentik_diagram(index, *index.flow_by_slug("f")).text;
    CHECK(diagram.find(secret) == std::string::npos);
    CHECK(diagram.find("other-secret") == std::string::npos);
    CHECK(diagram.find("<!Env value>") != std::string::npos);
    // The values themselves are intact, for matching.
    const StoredObject& flow = testing::only(set, "authentik_flows.flow");
    CHECK(flow.field("title")->secret);
    CHECK(revealed_str(*flow.field("title")) == secret + "!");
    const StoredObject& stage = testing::only(set, "authentik_stages_dummy.dummystage");
    CHECK(revealed_str(*stage.field("name")) == secret);
    const Value& letters = *stage.field("letters");
    REQUIRE(letters.as<Sequence>());
    for (const Value& letter : *letters.as<Sequence>()) CHECK(letter.secret);
    CHECK(python_str(letters).find('s') == std::string::npos);
    const Value& first = *testing::only(set, "authentik_core.group").field("attributes")->find("n");
    CHECK(first.secret);
    for (const Finding& finding : set.findings.all()) {
        CHECK(finding.message.find(secret) == std::string::npos);
        CHECK(finding.message.find("other-secret") == std::string::npos);
    }
}

TEST_CASE("!Format refuses widths that would only make memory") {
    const Value arg{std::string("x")};
    CHECK(python_percent_format("%10000s", std::span(&arg, 1)).text.size() == 10000);
    CHECK_FALSE(python_percent_format("%10001s", std::span(&arg, 1)).error.empty());
    CHECK_FALSE(python_percent_format("%.999999999999f", std::span(&arg, 1)).error.empty());
    const Value number{2.5};
    CHECK(python_percent_format("%5000.1f", std::span(&number, 1)).text.size() == 5000);
}

TEST_CASE("deleting many objects that many bindings point at is not quadratic") {
    std::string yaml =
        "version: 1\nentries:\n- {model: authentik_flows.flow, id: f, identifiers: {slug: f}}\n";
    for (int i = 0; i < 5000; ++i) {
        const std::string n = std::to_string(i);
        yaml += "- {model: authentik_stages_dummy.dummystage, id: s" + n +
                ", identifiers: {name: s" + n +
                "}}\n- {model: authentik_flows.flowstagebinding, identifiers: {target: !KeyOf f, "
                "stage: !KeyOf s" +
                n + ", order: 0}}\n";
    }
    for (int i = 0; i < 5000; i += 2) {
        yaml +=
            "- {model: authentik_stages_dummy.dummystage, state: absent, identifiers: {name: s" +
            std::to_string(i) + "}}\n";
    }
    auto set = load_text(yaml);
    REQUIRE_FALSE(set.findings.has_errors());
    FlowIndex index(set.store);
    CHECK(index.stage_bindings(*index.flow_by_slug("f")).size() == 2500);
}

TEST_CASE("typing a long plain scalar neither recurses per character nor overflows") {
    const std::string digits(1'000'000, '1');
    // std::regex recursed once per character here and overflowed the stack.
    CHECK(std::holds_alternative<double>(type_plain_scalar(digits + ".5")));
    CHECK(std::holds_alternative<std::string>(type_plain_scalar(digits + ".5x")));
    CHECK(std::holds_alternative<std::string>(type_plain_scalar(digits + ":00")));
    CHECK(std::get<std::int64_t>(type_plain_scalar("1:30")) == 90);
    CHECK(std::get<std::int64_t>(type_plain_scalar("-1_0:00:01")) == -36001);
    CHECK(std::holds_alternative<std::string>(type_plain_scalar("1:60")));
    CHECK(std::holds_alternative<double>(type_plain_scalar("1.5e+3")));
    CHECK(std::holds_alternative<std::string>(type_plain_scalar("1.5e3")));
    CHECK(std::isinf(std::get<double>(type_plain_scalar("-.inf"))));
    CHECK(std::isnan(std::get<double>(type_plain_scalar(".NaN"))));
    CHECK(std::holds_alternative<std::string>(type_plain_scalar("-.nan")));
}
