#include "schema_hints.h"

#include <algorithm>

#include "document_json.h"

namespace flowprint::validation {
namespace {

using json = nlohmann::json;
constexpr int kMaxDepth = 32;

const json* resolve_ref(const json& root, const json& schema) {
    auto ref = schema.find("$ref");
    if (ref == schema.end() || !ref->is_string()) return nullptr;
    const std::string& text = ref->get_ref<const std::string&>();
    if (!text.starts_with("#")) return nullptr;
    try {
        const json::json_pointer pointer(text.substr(1));
        return root.contains(pointer) ? &root.at(pointer) : nullptr;
    } catch (const std::exception&) {
        return nullptr;
    }
}

bool has_type(const json& instance, const std::string& type) {
    if (type == "object") return instance.is_object();
    if (type == "array") return instance.is_array();
    if (type == "string") return instance.is_string();
    if (type == "boolean") return instance.is_boolean();
    if (type == "null") return instance.is_null();
    if (type == "integer") return instance.is_number_integer();
    if (type == "number") return instance.is_number();
    return true;
}

/// Whether the instance satisfies the schema, as far as the keywords that
/// select a branch go.
bool holds(const json& root, const json& schema, const json& instance, int depth) {
    if (schema.is_boolean()) return schema.get<bool>();
    if (!schema.is_object() || depth > kMaxDepth) return true;
    if (const json* target = resolve_ref(root, schema)) {
        return holds(root, *target, instance, depth + 1);
    }
    if (auto c = schema.find("const"); c != schema.end() && *c != instance) return false;
    if (auto e = schema.find("enum"); e != schema.end() && e->is_array() &&
                                      std::find(e->begin(), e->end(), instance) == e->end()) {
        return false;
    }
    if (auto t = schema.find("type"); t != schema.end()) {
        bool any = false;
        if (t->is_string()) any = has_type(instance, *t);
        if (t->is_array()) {
            for (const json& each : *t) any = any || (each.is_string() && has_type(instance, each));
        }
        if (!any) return false;
    }
    if (instance.is_object()) {
        if (auto r = schema.find("required"); r != schema.end() && r->is_array()) {
            for (const json& name : *r) {
                if (name.is_string() && !instance.contains(name.get_ref<const std::string&>())) {
                    return false;
                }
            }
        }
        if (auto p = schema.find("properties"); p != schema.end() && p->is_object()) {
            for (auto it = p->begin(); it != p->end(); ++it) {
                auto value = instance.find(it.key());
                if (value != instance.end() && !holds(root, it.value(), *value, depth + 1)) {
                    return false;
                }
            }
        }
    }
    if (auto all = schema.find("allOf"); all != schema.end() && all->is_array()) {
        for (const json& each : *all) {
            if (!holds(root, each, instance, depth + 1)) return false;
        }
    }
    for (const char* keyword : {"anyOf", "oneOf"}) {
        auto list = schema.find(keyword);
        if (list == schema.end() || !list->is_array()) continue;
        if (std::none_of(list->begin(), list->end(), [&](const json& each) {
                return holds(root, each, instance, depth + 1);
            })) {
            return false;
        }
    }
    if (auto n = schema.find("not"); n != schema.end() && holds(root, *n, instance, depth + 1)) {
        return false;
    }
    return true;
}

/// Adds the schema and every subschema that applies to the same instance.
void expand(const json& root, const json& schema, const json& instance,
            std::vector<const json*>& out, int depth) {
    if (!schema.is_object() || depth > kMaxDepth) return;
    if (std::find(out.begin(), out.end(), &schema) != out.end()) return;
    out.push_back(&schema);
    if (const json* target = resolve_ref(root, schema)) {
        expand(root, *target, instance, out, depth + 1);
    }
    for (const char* keyword : {"allOf", "anyOf", "oneOf"}) {
        auto list = schema.find(keyword);
        if (list == schema.end() || !list->is_array()) continue;
        for (const json& each : *list) expand(root, each, instance, out, depth + 1);
    }
    if (auto condition = schema.find("if"); condition != schema.end()) {
        const char* branch = holds(root, *condition, instance, depth + 1) ? "then" : "else";
        if (auto chosen = schema.find(branch); chosen != schema.end()) {
            expand(root, *chosen, instance, out, depth + 1);
        }
    }
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

SchemaHints hints_at(const json& schema, const json& instance, std::string_view pointer) {
    std::vector<const json*> current;
    const json* value = &instance;
    expand(schema, schema, *value, current, 0);
    for (const std::string& token : pointer_tokens(pointer)) {
        const json* child = nullptr;
        if (value->is_object() && value->contains(token)) child = &(*value)[token];
        if (value->is_array()) {
            const std::size_t index = std::strtoul(token.c_str(), nullptr, 10);
            if (index < value->size()) child = &(*value)[index];
        }
        if (child == nullptr) return {};
        std::vector<const json*> next;
        for (const json* each : current) {
            if (value->is_object()) {
                auto properties = each->find("properties");
                if (properties != each->end() && properties->is_object() &&
                    properties->contains(token)) {
                    expand(schema, (*properties)[token], *child, next, 0);
                } else if (auto extra = each->find("additionalProperties");
                           extra != each->end() && extra->is_object()) {
                    expand(schema, *extra, *child, next, 0);
                }
            } else if (auto items = each->find("items"); items != each->end()) {
                if (items->is_object()) expand(schema, *items, *child, next, 0);
                const std::size_t index = std::strtoul(token.c_str(), nullptr, 10);
                if (items->is_array() && index < items->size()) {
                    expand(schema, (*items)[index], *child, next, 0);
                }
            }
        }
        current = std::move(next);
        value = child;
    }
    SchemaHints hints;
    // Property names: from the subschemas that close the object, if any do.
    const bool closed = std::any_of(current.begin(), current.end(), [](const json* each) {
        auto extra = each->find("additionalProperties");
        return extra != each->end() && *extra == false;
    });
    for (const json* each : current) {
        auto extra = each->find("additionalProperties");
        const bool closes = extra != each->end() && *extra == false;
        if (auto properties = each->find("properties");
            properties != each->end() && properties->is_object() && (closes || !closed)) {
            for (auto it = properties->begin(); it != properties->end(); ++it) {
                add_unique(hints.properties, it.key());
            }
        }
        if (auto e = each->find("enum"); e != each->end() && e->is_array()) {
            for (const json& v : *e) {
                if (std::find(hints.values.begin(), hints.values.end(), v) == hints.values.end()) {
                    hints.values.push_back(v);
                }
            }
        }
        if (auto c = each->find("const"); c != each->end()) hints.values.push_back(*c);
        if (auto p = each->find("pattern"); p != each->end() && p->is_string()) {
            add_unique(hints.patterns, *p);
        }
        if (auto t = each->find("type"); t != each->end()) {
            if (t->is_string()) add_unique(hints.types, *t);
            if (t->is_array()) {
                for (const json& name : *t) {
                    if (name.is_string()) add_unique(hints.types, name);
                }
            }
        }
    }
    return hints;
}

}  // namespace flowprint::validation
