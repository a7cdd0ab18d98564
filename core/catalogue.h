#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "value.h"

namespace flowprint {

/// An authentik release, as far as the catalogue tells them apart. The 2026
/// main branch has no minor number yet and is written `{2026, 0}`.
struct Release {
    int year = 0;
    int minor = 0;
    auto operator<=>(const Release&) const = default;
};

std::string release_name(Release release);
/// Parses `2024.12` (or `2026`); nothing when the text is not a release.
std::optional<Release> parse_release(std::string_view text);

enum class ModelKind { stage, policy, other };

/// One blueprint model of authentik: its name (`app_label.model`, lower
/// case), the first release that has it, and for stages and policies the
/// display name authentik prints in its diagram, typos included.
struct ModelInfo {
    std::string_view name;
    Release since;
    ModelKind kind;
    std::string_view display_name;
};

/// A value of an enumerated field that only newer releases accept.
struct EnumValueInfo {
    std::string_view model;
    std::string_view field;
    std::string_view value;
    Release since;
};

namespace models {
inline constexpr std::string_view flow = "authentik_flows.flow";
inline constexpr std::string_view stage_binding = "authentik_flows.flowstagebinding";
inline constexpr std::string_view policy_binding = "authentik_policies.policybinding";
inline constexpr std::string_view group = "authentik_core.group";
inline constexpr std::string_view user = "authentik_core.user";
inline constexpr std::string_view meta_apply = "authentik_blueprints.metaapplyblueprint";
}  // namespace models

/// The field that names an object of the model to people, and is unique: a
/// user's `username`, any other object's `name`.
constexpr std::string_view naming_field(std::string_view model) {
    return model == models::user ? "username" : "name";
}

std::span<const ModelInfo> all_models();
/// The model of that name (compared case-insensitively), if authentik has it.
const ModelInfo* find_model(std::string_view name);
std::span<const EnumValueInfo> versioned_enum_values();

/// The value a field has when an object does not set it (SPEC 4), if the
/// catalogue knows one.
std::optional<Value> field_default(std::string_view model, std::string_view field);

/// Whether some model has a catalogue default for a field of that name.
bool has_field_default(std::string_view field);

/// ASCII letters lowered; other bytes as they are.
std::string to_lower(std::string_view text);

}  // namespace flowprint
