// The object store's indexes and the lookups that use them (upsert match,
// !Find with plain and followed fields, cascading removal) give the same
// answers a scan of every object would: first live match in creation order.
#include <doctest/doctest.h>

#include "catalogue.h"
#include "find_query.h"
#include "object_store.h"

using namespace flowprint;

namespace {

Value text(const char* s) { return Value{std::string(s)}; }
Value number(std::int64_t i) { return Value{i}; }
Value link(ObjectId id) { return Value{ObjectRef{id}}; }

std::optional<ObjectId> find(const ObjectStore& store, const std::string& model,
                             std::vector<FindCondition> conditions) {
    return find_object(store, model, conditions).object;
}

/// Two flows with three stage bindings each (orders 10, 20, 30), created
/// interleaved so that creation order and flow order differ.
struct TwoFlows {
    ObjectStore store;
    ObjectId flow_a = store.create(std::string(models::flow), {{"slug", text("a")}}, {});
    ObjectId flow_b = store.create(std::string(models::flow), {{"slug", text("b")}}, {});
    std::vector<ObjectId> bindings_a, bindings_b;

    TwoFlows() {
        for (std::int64_t order : {10, 20, 30}) {
            for (ObjectId flow : {flow_a, flow_b}) {
                const ObjectId binding =
                    store.create(std::string(models::stage_binding),
                                 {{"target", link(flow)}, {"order", number(order)}}, {});
                (flow == flow_a ? bindings_a : bindings_b).push_back(binding);
            }
        }
    }
};

}  // namespace

TEST_CASE("a followed lookup (target__slug) finds through the indexes") {
    TwoFlows set;
    const std::string binding(models::stage_binding);
    CHECK(find(set.store, binding, {{"target__slug", text("b")}, {"order", number(20)}}) ==
          set.bindings_b[1]);
    CHECK(find(set.store, binding, {{"order", text("20")}, {"target__slug", text("a")}}) ==
          set.bindings_a[1]);
    SUBCASE("the first match in creation order") {
        CHECK(find(set.store, binding, {{"target__slug", text("b")}}) == set.bindings_b[0]);
        CHECK(find(set.store, binding, {{"target__slug__exact", text("a")}}) == set.bindings_a[0]);
    }
    SUBCASE("no match") {
        CHECK_FALSE(find(set.store, binding, {{"target__slug", text("c")}}));
        CHECK_FALSE(find(set.store, binding, {{"target__slug", text("a")}, {"order", number(40)}}));
    }
    SUBCASE("after the linked object changed, the new value is found, not the old") {
        set.store.update(set.flow_a, {{"slug", text("renamed")}}, {}, {});
        CHECK(find(set.store, binding, {{"target__slug", text("renamed")}}) == set.bindings_a[0]);
        CHECK_FALSE(find(set.store, binding, {{"target__slug", text("a")}}));
    }
    SUBCASE("deleted objects are skipped") {
        set.store.remove(set.bindings_b[0]);
        CHECK(find(set.store, binding, {{"target__slug", text("b")}}) == set.bindings_b[1]);
    }
    SUBCASE("a path of three steps") {
        const std::string policy_binding(models::policy_binding);
        const ObjectId on_binding = set.store.create(
            policy_binding, {{"target", link(set.bindings_b[2])}, {"order", number(0)}}, {});
        CHECK(find(set.store, policy_binding,
                   {{"target__target__slug", text("b")}, {"target__order", number(30)}}) ==
              on_binding);
        CHECK_FALSE(find(set.store, policy_binding,
                         {{"target__target__slug", text("a")}, {"target__order", number(30)}}));
    }
}

TEST_CASE("followed lookups through lists, and fields with catalogue defaults") {
    ObjectStore store;
    const std::string group(models::group), user(models::user), flow(models::flow);
    const ObjectId admins = store.create(group, {{"name", text("admins")}}, {});
    const ObjectId staff = store.create(group, {{"name", text("staff")}}, {});
    store.create(user, {{"username", text("alice")}, {"groups", Value{Sequence{link(admins)}}}},
                 {});
    const ObjectId bob = store.create(
        user, {{"username", text("bob")}, {"groups", Value{Sequence{link(admins), link(staff)}}}},
        {});
    CHECK(find(store, user, {{"groups__name", text("staff")}}) == bob);

    // `authentication` defaults to "none": an unset field matches it.
    const ObjectId quiet = store.create(flow, {{"slug", text("quiet")}}, {});
    store.create(flow, {{"slug", text("strict")}, {"authentication", text("require_superuser")}},
                 {});
    CHECK(find(store, flow, {{"authentication", text("none")}}) == quiet);
    const ObjectId on_quiet =
        store.create(std::string(models::stage_binding), {{"target", link(quiet)}}, {});
    CHECK(find(store, std::string(models::stage_binding),
               {{"target__authentication", text("none")}}) == on_quiet);
}

TEST_CASE("upsert match uses the narrowest identifier and checks them all") {
    TwoFlows set;
    const std::string binding(models::stage_binding);
    CHECK(set.store.match(binding, {{"target", link(set.flow_b)}, {"order", number(30)}}) ==
          set.bindings_b[2]);
    CHECK(set.store.match(binding, {{"order", number(30)}, {"target", link(set.flow_a)}}) ==
          set.bindings_a[2]);
    CHECK_FALSE(set.store.match(binding, {{"target", link(set.flow_b)}, {"order", number(40)}}));
    set.store.update(set.bindings_b[2], {{"order", number(40)}}, {}, {});
    CHECK_FALSE(set.store.match(binding, {{"target", link(set.flow_b)}, {"order", number(30)}}));
    CHECK(set.store.match(binding, {{"target", link(set.flow_b)}, {"order", number(40)}}) ==
          set.bindings_b[2]);
    CHECK(set.store.indexed(binding, "order", number(30)).size() >= 1);
}

TEST_CASE("removal cascades through bindings only") {
    TwoFlows set;
    const std::string policy_binding(models::policy_binding);
    const ObjectId on_flow =
        set.store.create(policy_binding, {{"target", link(set.flow_a)}, {"order", number(0)}}, {});
    const ObjectId on_binding = set.store.create(
        policy_binding, {{"target", link(set.bindings_a[1])}, {"order", number(0)}}, {});
    const ObjectId on_other =
        set.store.create(policy_binding, {{"target", link(set.flow_b)}, {"order", number(0)}}, {});
    set.store.remove(set.flow_a);
    for (ObjectId gone : {set.flow_a, on_flow, on_binding}) CHECK(set.store.get(gone).deleted);
    for (ObjectId gone : set.bindings_a) CHECK(set.store.get(gone).deleted);
    for (ObjectId kept : set.bindings_b) CHECK_FALSE(set.store.get(kept).deleted);
    CHECK_FALSE(set.store.get(set.flow_b).deleted);
    CHECK_FALSE(set.store.get(on_other).deleted);
}
