// Applying a blueprint set (SPEC 2.2, 2.3, 3): upsert, state, conditions,
// deletion cascades, meta-apply, entries grouped in a mapping.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

using namespace flowprint;
using testing::has_finding;

namespace {

std::size_t live(const BlueprintSet& set, std::string_view model) {
    std::size_t count = 0;
    for (ObjectId id : set.store.of_model(model)) count += !set.store.get(id).deleted;
    return count;
}

std::string field(const StoredObject& object, std::string_view name) {
    const Value* value = object.field(name);
    return value ? python_str(*value) : "<unset>";
}

}  // namespace

TEST_CASE("upsert matches an existing object by all identifiers") {
    BlueprintSet set = testing::load_texts({{"a.yaml", R"(version: 1
entries:
  - model: authentik_flows.flow
    identifiers: {slug: login}
    attrs: {name: First, title: Kept}
)"},
                                            {"b.yaml", R"(version: 1
entries:
  - model: AUTHENTIK_FLOWS.Flow
    identifiers: {slug: login}
    attrs: {name: Second, slug: ignored-identifiers-win}
  - model: authentik_flows.flow
    identifiers: {slug: login, name: Other}
    attrs: {title: A new flow, since not all identifiers match}
)"}});
    CHECK_FALSE(set.findings.has_errors());
    REQUIRE(live(set, "authentik_flows.flow") == 2);
    const StoredObject& first = set.store.get(set.store.of_model("authentik_flows.flow")[0]);
    CHECK(field(first, "name") == "Second");
    CHECK(field(first, "title") == "Kept");
    CHECK(field(first, "slug") == "login");
    CHECK(first.defined_at.file == "b.yaml");
    CHECK(first.defined_at.line == 3);
}

TEST_CASE("state: present, created, must_created, absent") {
    const std::string base = R"(version: 1
entries:
  - model: authentik_core.group
    identifiers: {name: admins}
    attrs: {is_superuser: true}
)";
    SUBCASE("created leaves an existing object unchanged") {
        BlueprintSet set = testing::load_texts({{"a.yaml", base}, {"b.yaml", R"(version: 1
entries:
  - model: authentik_core.group
    state: created
    identifiers: {name: admins}
    attrs: {is_superuser: false}
  - model: authentik_core.group
    state: created
    identifiers: {name: new}
)"}});
        CHECK(field(set.store.get(0), "is_superuser") == "True");
        CHECK(live(set, "authentik_core.group") == 2);
    }
    SUBCASE("must_created on an existing object is an error") {
        BlueprintSet set = testing::load_texts({{"a.yaml", base}, {"b.yaml", R"(version: 1
entries:
  - model: authentik_core.group
    state: must_created
    identifiers: {name: admins}
)"}});
        CHECK(has_finding(set.findings, "must-created-exists", 4, 12));
    }
    SUBCASE("absent deletes, and cascades to the bindings") {
        BlueprintSet set = testing::load_text(R"(version: 1
entries:
  - model: authentik_flows.flow
    id: flow
    identifiers: {slug: f}
  - model: authentik_stages_dummy.dummystage
    id: stage
    identifiers: {name: s}
  - model: authentik_flows.flowstagebinding
    id: binding
    identifiers: {target: !KeyOf flow, stage: !KeyOf stage, order: 1}
  - model: authentik_policies_dummy.dummypolicy
    id: policy
    identifiers: {name: p}
  - model: authentik_policies.policybinding
    identifiers: {target: !KeyOf binding, policy: !KeyOf policy, order: 1}
  - model: authentik_policies.policybinding
    identifiers: {target: !KeyOf flow, policy: !KeyOf policy, order: 1}
  - model: authentik_flows.flow
    state: absent
    identifiers: {slug: f}
)");
        CHECK_FALSE(set.findings.has_errors());
        CHECK(live(set, "authentik_flows.flow") == 0);
        CHECK(live(set, "authentik_flows.flowstagebinding") == 0);
        CHECK(live(set, "authentik_policies.policybinding") == 0);
        CHECK(live(set, "authentik_stages_dummy.dummystage") == 1);
        CHECK(live(set, "authentik_policies_dummy.dummypolicy") == 1);
    }
}

TEST_CASE("conditions skip an entry entirely") {
    BlueprintSet set = testing::load_text(R"(version: 1
context: {enabled: false}
entries:
  - model: authentik_core.group
    conditions: [true, !Context enabled]
    identifiers: {name: skipped}
  - model: authentik_core.group
    conditions: [1, yes, [x]]
    identifiers: {name: kept}
)");
    CHECK_FALSE(set.findings.has_errors());
    REQUIRE(live(set, "authentik_core.group") == 1);
    CHECK(field(testing::only(set, "authentik_core.group"), "name") == "kept");
}

TEST_CASE("entries may be a mapping of groups, flattened in document order") {
    BlueprintSet set = testing::load_text(R"(version: 1
entries:
  directory:
    - model: authentik_core.group
      id: g
      identifiers: {name: first}
  more:
    - model: authentik_core.group
      identifiers: {name: second}
      attrs: {parent: !KeyOf g}
)");
    CHECK_FALSE(set.findings.has_errors());
    CHECK(live(set, "authentik_core.group") == 2);
}

TEST_CASE("identifiers are required, except for meta-apply") {
    BlueprintSet set = testing::load_text(R"(version: 1
entries:
  - model: authentik_core.group
    attrs: {name: x}
  - model: authentik_core.group
    identifiers: {}
)");
    CHECK(has_finding(set.findings, "entry-missing-identifiers", 3, 5));
    CHECK(has_finding(set.findings, "entry-missing-identifiers", 6, 18));
}

TEST_CASE("meta-apply applies another blueprint where it stands, once") {
    const std::string target = R"(version: 1
metadata: {name: Shared groups}
entries:
  - model: authentik_core.group
    identifiers: {name: from-target}
)";
    SUBCASE("by metadata name, before the rest of the file") {
        BlueprintSet set = testing::load_texts({{"a.yaml", R"(version: 1
entries:
  - model: authentik_blueprints.metaapplyblueprint
    attrs:
      identifiers: {name: Shared groups}
  - model: authentik_core.group
    identifiers: {name: after}
    attrs: {parent: !Find [authentik_core.group, [name, from-target]]}
)"},
                                                {"z.yaml", target}});
        INFO(testing::describe(set.findings));
        CHECK(set.findings.empty());
        CHECK(live(set, "authentik_core.group") == 2);
        CHECK(set.store.get(0).defined_at.file == "z.yaml");
    }
    SUBCASE("a missing target: error, or warning with required: false") {
        BlueprintSet set = testing::load_text(R"(version: 1
entries:
  - model: authentik_blueprints.metaapplyblueprint
    attrs: {identifiers: {name: Nowhere}}
  - model: authentik_blueprints.metaapplyblueprint
    attrs: {identifiers: {name: Nowhere}, required: false}
)");
        const auto& all = set.findings.all();
        REQUIRE(all.size() == 2);
        CHECK(all[0].severity == Severity::error);
        CHECK(all[1].severity == Severity::warning);
        CHECK(all[0].rule == "meta-apply-missing");
    }
    SUBCASE("a cycle is an error naming it") {
        BlueprintSet set = testing::load_texts({{"a.yaml", R"(version: 1
metadata: {name: A}
entries:
  - model: authentik_blueprints.metaapplyblueprint
    attrs: {identifiers: {name: B}}
)"},
                                                {"b.yaml", R"(version: 1
metadata: {name: B}
entries:
  - model: authentik_blueprints.metaapplyblueprint
    attrs: {identifiers: {name: A}}
)"}});
        REQUIRE(has_finding(set.findings, "meta-apply-cycle", 4, 5));
        CHECK(set.findings.all().front().message.find("a.yaml -> b.yaml -> a.yaml") !=
              std::string::npos);
    }
    SUBCASE("by path, relative to a directory above the file") {
        const auto root = std::filesystem::temp_directory_path() / "flowprint-meta-path";
        std::filesystem::remove_all(root);
        std::filesystem::create_directories(root / "system");
        std::filesystem::create_directories(root / "custom");
        std::ofstream(root / "system" / "groups.yaml") << target;
        std::ofstream(root / "custom" / "main.yaml") << R"(version: 1
entries:
  - model: authentik_blueprints.metaapplyblueprint
    attrs: {identifiers: {path: system/groups.yaml}}
)";
        const InputFiles inputs = find_input_files({(root / "custom" / "main.yaml").string()});
        BlueprintSet set = load_blueprint_set(inputs, ResolveSettings{});
        INFO(testing::describe(set.findings));
        CHECK(set.findings.empty());
        CHECK(live(set, "authentik_core.group") == 1);
        std::filesystem::remove_all(root);
    }
}

TEST_CASE("duplicate mapping keys: PyYAML keeps the last, and it is a finding") {
    BlueprintSet set = testing::load_text(R"(version: 1
entries:
  - model: authentik_core.group
    identifiers: {name: g}
    attrs:
      is_superuser: false
      is_superuser: true
)");
    CHECK(has_finding(set.findings, "yaml-duplicate-key", 7, 7));
    CHECK(field(testing::only(set, "authentik_core.group"), "is_superuser") == "True");
}

TEST_CASE("an entry's fields may come from mappings merged in with <<") {
    const auto set = testing::load_text(
        "version: 1\n"
        "context:\n"
        "  base: &base {model: authentik_flows.flow, attrs: {name: Base, title: T}}\n"
        "  more: &more {identifiers: {slug: ignored}, id: merged}\n"
        "entries:\n"
        "- <<: [*base, *more]\n"
        "  identifiers: {slug: own}\n"
        "- model: authentik_flows.flowstagebinding\n"
        "  identifiers: {target: !KeyOf merged, stage: x, order: 1}\n");
    CHECK(set.findings.all().empty());
    const StoredObject& flow = testing::only(set, "authentik_flows.flow");
    CHECK(python_str(*flow.field("slug")) == "own");  // the entry's own key wins
    CHECK(python_str(*flow.field("name")) == "Base");
    CHECK(set.blueprints.front().entries.front().id->text == "merged");
}
