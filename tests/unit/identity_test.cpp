// Who the dry run is for: effective groups, their ancestry, superusers (SPEC 6).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "catalogue.h"
#include "identity.h"
#include "test_support.h"

using namespace flowprint;

namespace {

const std::string kGroups = R"(version: 1
entries:
- model: authentik_core.group
  id: root
  identifiers: {name: root}
  attrs: {is_superuser: true}
- model: authentik_core.group
  id: parent
  identifiers: {name: parent}
- model: authentik_core.group
  id: child
  identifiers: {name: child}
  attrs: {parent: !KeyOf parent}
- model: authentik_core.group
  id: grandchild
  identifiers: {name: grandchild}
  attrs: {parents: [!KeyOf child, !KeyOf root]}
- model: authentik_core.group
  identifiers: {name: lonely}
- model: authentik_core.user
  id: ann
  identifiers: {username: ann}
  attrs: {groups: [!KeyOf child], is_active: false}
- model: authentik_core.group
  identifiers: {name: listed}
  attrs: {users: [!KeyOf ann]}
)";

Identity identity_for(const std::string& yaml, IdentityRequest request,
                      std::string_view designation = "authentication") {
    BlueprintSet set = testing::load_text(yaml);
    INFO(testing::describe(set.findings));
    // A parent cycle is an error of the set, and the identity must still come out.
    for (const Finding& finding : set.findings.all()) {
        if (finding.severity == Severity::error) REQUIRE(finding.rule == "group-parent-cycle");
    }
    return resolve_identity(set.store, request, designation);
}

std::vector<std::string> names(const Identity& identity) {
    std::vector<std::string> out;
    for (const EffectiveGroup& group : identity.user.groups) out.push_back(group.name);
    return out;
}

}  // namespace

TEST_CASE("a member of a child group counts for its parents, not the reverse") {
    IdentityRequest request;
    request.groups = {"child"};
    const Identity member_of_child = identity_for(kGroups, request);
    CHECK(names(member_of_child) == std::vector<std::string>{"child", "parent"});
    const EffectiveGroup* parent = member_of_child.user.group("parent");
    REQUIRE(parent != nullptr);
    CHECK(parent->source == GroupSource::ancestor);
    CHECK(parent->via == "child");
    CHECK(parent->depth == 1);

    request.groups = {"parent"};
    const Identity member_of_parent = identity_for(kGroups, request);
    CHECK(names(member_of_parent) == std::vector<std::string>{"parent"});
    CHECK_FALSE(member_of_parent.user.in_group("child"));
}

TEST_CASE("parents lists are followed, every ancestor once, with where it came from") {
    IdentityRequest request;
    request.groups = {"grandchild"};
    const Identity identity = identity_for(kGroups, request);
    CHECK(names(identity) == std::vector<std::string>{"grandchild", "child", "root", "parent"});
    CHECK(identity.user.group("parent")->via == "child");
    CHECK(identity.user.group("parent")->depth == 2);
    CHECK(identity.user.group("root")->via == "grandchild");
}

TEST_CASE("superuser through an ancestor group, or with --superuser") {
    IdentityRequest request;
    request.groups = {"grandchild"};
    Identity identity = identity_for(kGroups, request);
    CHECK(identity.user.superuser);
    CHECK(identity.user.superuser_because == "group root");

    request.groups = {"child"};
    CHECK_FALSE(identity_for(kGroups, request).user.superuser);
    request.superuser = true;
    identity = identity_for(kGroups, request);
    CHECK(identity.user.superuser);
    CHECK(identity.user.superuser_because == "--superuser");
}

TEST_CASE("a user defined in the set brings its groups, is_active and group users lists") {
    IdentityRequest request;
    request.username = "ann";
    request.groups = {"external-team"};
    const Identity identity = identity_for(kGroups, request);
    REQUIRE(identity.user.object);
    CHECK_FALSE(identity.user.is_active);
    CHECK(names(identity) ==
          std::vector<std::string>{"child", "listed", "external-team", "parent"});
    CHECK(identity.user.group("child")->source == GroupSource::user_groups);
    CHECK(identity.user.group("listed")->source == GroupSource::group_users);
    const EffectiveGroup* external = identity.user.group("external-team");
    CHECK(external->source == GroupSource::option);
    CHECK_FALSE(external->defined_in_set);
    CHECK(identity.user.group("child")->defined_in_set);
}

TEST_CASE("group cycles terminate") {
    const std::string yaml = R"(version: 1
entries:
- model: authentik_core.group
  id: a
  identifiers: {name: a}
- model: authentik_core.group
  id: b
  identifiers: {name: b}
  attrs: {parent: !KeyOf a}
- model: authentik_core.group
  identifiers: {name: a}
  attrs: {parent: !KeyOf b}
- model: authentik_core.group
  identifiers: {name: self}
  attrs: {parents: [!Find [authentik_core.group, [name, self]]]}
)";
    IdentityRequest request;
    request.groups = {"b", "self"};
    const Identity identity = identity_for(yaml, request);
    CHECK(names(identity) == std::vector<std::string>{"b", "self", "a"});
}

TEST_CASE("ancestry stops at depth 20 and says so") {
    std::string yaml = "version: 1\nentries:\n";
    yaml += "- model: authentik_core.group\n  id: g0\n  identifiers: {name: g0}\n";
    for (int i = 1; i <= 25; ++i) {
        yaml += fmt::format(
            "- model: authentik_core.group\n  id: g{0}\n  identifiers: {{name: g{0}}}\n"
            "  attrs: {{parent: !KeyOf g{1}}}\n",
            i, i - 1);
    }
    IdentityRequest request;
    request.groups = {"g25"};
    const Identity identity = identity_for(yaml, request);
    CHECK(identity.user.groups.size() == static_cast<std::size_t>(kMaxGroupDepth + 1));
    CHECK(identity.user.in_group("g5"));
    CHECK_FALSE(identity.user.in_group("g4"));
    REQUIRE(identity.notes.size() == 1);
    CHECK(identity.notes.front().find("'g4'") != std::string::npos);
}

TEST_CASE("the start follows the designation unless given") {
    IdentityRequest request;
    CHECK(identity_for(kGroups, request, "authentication").start == StartMode::anonymous);
    CHECK(identity_for(kGroups, request, "enrollment").start == StartMode::anonymous);
    CHECK(identity_for(kGroups, request, "recovery").start == StartMode::anonymous);
    CHECK(identity_for(kGroups, request, "authorization").start == StartMode::authenticated);
    CHECK(identity_for(kGroups, request, "stage_configuration").start == StartMode::authenticated);
    CHECK(identity_for(kGroups, request, "authorization").start_by_designation);
    request.start = StartMode::via_source;
    const Identity identity = identity_for(kGroups, request, "authentication");
    CHECK(identity.start == StartMode::via_source);
    CHECK_FALSE(identity.start_by_designation);
    CHECK(identity.pending_user_at_start());
    CHECK_FALSE(identity.requester_logged_in());
}
