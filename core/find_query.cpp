#include "find_query.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "catalogue.h"

namespace flowprint {
namespace {

constexpr std::array<std::string_view, 6> kSuffixes = {"exact",  "iexact",   "in",
                                                       "isnull", "contains", "icontains"};

/// A lookup split into the path of fields it follows and its comparison.
struct Lookup {
    std::vector<std::string> path;
    std::string comparison = "exact";
};

std::optional<Lookup> parse_lookup(const std::string& text) {
    Lookup lookup;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find("__", start);
        lookup.path.push_back(text.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 2;
    }
    if (lookup.path.size() > 1) {
        const std::string& last = lookup.path.back();
        if (std::find(kSuffixes.begin(), kSuffixes.end(), last) != kSuffixes.end()) {
            lookup.comparison = last;
            lookup.path.pop_back();
        }
    }
    for (const std::string& part : lookup.path) {
        if (part.empty()) return std::nullopt;
    }
    return lookup;
}

/// Unsupported comparisons look like field names (`name__startswith`): they
/// are recognised by Django's other lookup names.
bool is_unsupported_comparison(std::string_view part) {
    static constexpr std::array<std::string_view, 16> kOther = {
        "gt",    "gte",   "lt",     "lte",  "startswith", "istartswith", "endswith", "iendswith",
        "range", "regex", "iregex", "year", "month",      "day",         "date",     "search"};
    return std::find(kOther.begin(), kOther.end(), part) != kOther.end();
}

/// Lookups that follow more relations than this are not evaluated: no real
/// query needs them, and each step may fan out over lists.
constexpr std::size_t kMaxLookupSteps = 32;

/// The values reached by following the path from the object; lists fan out.
/// Step by step over the set of objects reached, each object once per step,
/// so that cycles and fan-out stay bounded by the size of the store.
void follow(const ObjectStore& store, ObjectId id, const std::vector<std::string>& path,
            std::vector<Value>& out) {
    std::vector<ObjectId> frontier{id};
    for (std::size_t step = 0; step < path.size() && !frontier.empty(); ++step) {
        std::vector<ObjectId> next;
        std::unordered_set<ObjectId> seen;
        auto descend = [&](const Value& value) {
            const auto* ref = value.as<ObjectRef>();
            if (ref == nullptr || ref->id >= store.size() || !seen.insert(ref->id).second) return;
            next.push_back(ref->id);
        };
        for (ObjectId at : frontier) {
            const StoredObject& object = store.get(at);
            const Value* field = object.field(path[step]);
            std::optional<Value> fallback;
            if (field == nullptr) {
                fallback = field_default(object.model, path[step]);
                if (!fallback) continue;
                field = &*fallback;
            }
            if (step + 1 == path.size()) {
                out.push_back(*field);
            } else if (const auto* items = field->as<Sequence>()) {
                for (const Value& item : *items) descend(item);
            } else {
                descend(*field);
            }
        }
        frontier = std::move(next);
    }
}

// Comparisons only: secret values compare by what they are.
std::string lowered(const Value& value) { return to_lower(revealed_str(value)); }

bool compare(const Value& field, const std::string& comparison, const Value& query) {
    if (comparison == "exact") return field_equals(field, query);
    if (comparison == "iexact") return lowered(field) == lowered(query);
    if (comparison == "contains") {
        return revealed_str(field).find(revealed_str(query)) != std::string::npos;
    }
    if (comparison == "icontains") return lowered(field).find(lowered(query)) != std::string::npos;
    if (comparison == "in") {
        const auto* options = query.as<Sequence>();
        return options && std::any_of(options->begin(), options->end(), [&](const Value& option) {
                   return field_equals(field, option);
               });
    }
    return false;
}

bool matches(const ObjectStore& store, ObjectId id, const Lookup& lookup, const Value& query) {
    std::vector<Value> reached;
    follow(store, id, lookup.path, reached);
    if (lookup.comparison == "isnull") {
        const bool is_null =
            reached.empty() ||
            std::all_of(reached.begin(), reached.end(), [](const Value& v) { return v.is_null(); });
        return is_null == truthy(query);
    }
    return std::any_of(reached.begin(), reached.end(), [&](const Value& value) {
        return compare(value, lookup.comparison, query);
    });
}

/// Whether the store's indexes can answer the lookup: an exact comparison
/// with no catalogue default that an object might match by not setting it.
bool indexable(const std::string& model, const Lookup& lookup) {
    if (lookup.comparison != "exact") return false;
    if (lookup.path.size() == 1) return !field_default(model, lookup.path[0]);
    return !has_field_default(lookup.path.back());
}

/// The candidates of an indexable path lookup, found by following the path
/// backwards through the indexes (`target__slug`: objects of any model with
/// that slug, then objects of `model` whose target is one of them): a superset
/// of the live objects that match, in creation order. Nothing when there
/// would be more than `limit`.
std::optional<std::vector<ObjectId>> follow_back(const ObjectStore& store, const std::string& model,
                                                 const Lookup& lookup, const Value& query,
                                                 std::size_t limit) {
    auto reached = store.indexed(ObjectStore::any_model, lookup.path.back(), query);
    if (reached.size() > limit) return std::nullopt;
    std::vector<ObjectId> found(reached.begin(), reached.end());
    for (std::size_t step = lookup.path.size() - 1; step-- > 0;) {
        const std::string_view step_model =
            step == 0 ? std::string_view(model) : ObjectStore::any_model;
        std::vector<ObjectId> linking;
        for (ObjectId target : found) {
            auto bucket = store.indexed(step_model, lookup.path[step], Value{ObjectRef{target}});
            if (linking.size() + bucket.size() > limit) return std::nullopt;
            linking.insert(linking.end(), bucket.begin(), bucket.end());
        }
        std::sort(linking.begin(), linking.end());
        linking.erase(std::unique(linking.begin(), linking.end()), linking.end());
        found = std::move(linking);
    }
    return found;
}

}  // namespace

FindResult find_object(const ObjectStore& store, const std::string& model,
                       const std::vector<FindCondition>& conditions) {
    FindResult result;
    std::vector<Lookup> lookups;
    for (const FindCondition& condition : conditions) {
        auto lookup = parse_lookup(condition.lookup);
        if (!lookup || lookup->path.size() > kMaxLookupSteps ||
            (lookup->path.size() > 1 && is_unsupported_comparison(lookup->path.back()))) {
            result.unsupported_lookup = condition.lookup;
            return result;
        }
        lookups.push_back(std::move(*lookup));
    }
    // Check as few candidates as possible: every object of the model, or the
    // narrowest index bucket of a plain lookup (sized without copying it), or
    // what a path lookup reaches when that is narrower still.
    std::span<const ObjectId> candidates = store.of_model(model);
    bool narrowed = false;
    for (std::size_t i = 0; i < lookups.size(); ++i) {
        if (lookups[i].path.size() != 1 || !indexable(model, lookups[i])) continue;
        auto bucket = store.indexed(model, lookups[i].path[0], conditions[i].value);
        if (!narrowed || bucket.size() < candidates.size()) candidates = bucket;
        narrowed = true;
    }
    std::vector<ObjectId> followed;
    for (std::size_t i = 0; i < lookups.size(); ++i) {
        if (lookups[i].path.size() == 1 || !indexable(model, lookups[i])) continue;
        const std::size_t limit = narrowed ? candidates.size() : SIZE_MAX;
        if (auto reached = follow_back(store, model, lookups[i], conditions[i].value, limit)) {
            followed = std::move(*reached);
            candidates = followed;
            narrowed = true;
        }
    }
    for (ObjectId id : candidates) {
        if (store.get(id).deleted) continue;
        bool all = true;
        for (std::size_t i = 0; i < lookups.size() && all; ++i) {
            all = matches(store, id, lookups[i], conditions[i].value);
        }
        if (all) {
            result.object = id;
            break;
        }
    }
    return result;
}

}  // namespace flowprint
