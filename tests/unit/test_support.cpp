#include "test_support.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

namespace flowprint::testing {

BlueprintSet load_texts(const std::vector<std::pair<std::string, std::string>>& files,
                        ResolveSettings settings) {
    std::deque<Blueprint> blueprints;
    Findings findings;
    for (const auto& [name, text] : files) {
        blueprints.push_back(parse_blueprint(name, text, settings.limits, findings));
    }
    return apply_blueprints(std::move(blueprints), std::move(findings), InputFiles{}, settings);
}

BlueprintSet load_text(const std::string& text, ResolveSettings settings) {
    return load_texts({{"test.yaml", text}}, std::move(settings));
}

std::string describe(const Findings& findings) {
    std::string out;
    for (const Finding& f : findings.all()) {
        out += fmt::format("{} {} {}:{} {}\n", severity_name(f.severity), f.rule, f.line, f.column,
                           f.message);
    }
    return out;
}

bool has_finding(const Findings& findings, std::string_view rule, std::uint32_t line,
                 std::uint32_t column) {
    for (const Finding& f : findings.all()) {
        if (f.rule == rule && (line == 0 || f.line == line) && (column == 0 || f.column == column))
            return true;
    }
    return false;
}

const StoredObject& only(const BlueprintSet& set, std::string_view model) {
    const StoredObject* found = nullptr;
    int count = 0;
    for (ObjectId id : set.store.of_model(model)) {
        if (!set.store.get(id).deleted) {
            found = &set.store.get(id);
            ++count;
        }
    }
    REQUIRE_MESSAGE(count == 1, "expected exactly one live ", model, ", found ", count);
    return *found;
}

}  // namespace flowprint::testing
