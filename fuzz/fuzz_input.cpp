#include "fuzz_input.h"

namespace flowprint::fuzz {

ResolveSettings fuzz_settings() {
    ResolveSettings settings;
    settings.limits.max_file_bytes = 1u << 20;
    settings.limits.max_scalar_bytes = 64u << 10;
    settings.limits.max_depth = 64;
    settings.limits.max_nodes = 100'000;
    settings.limits.max_enumerate_values = 10'000;
    settings.limits.max_tag_values = 100'000;
    settings.environment = [](const std::string& name) -> std::optional<std::string> {
        if (name == "FUZZ") return std::string("fuzz-secret");
        return std::nullopt;
    };
    return settings;
}

BlueprintSet load_fuzz_input(const std::uint8_t* data, std::size_t size) {
    const ResolveSettings settings = fuzz_settings();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    constexpr std::string_view kSplit = "\n---8<---\n";
    std::deque<Blueprint> blueprints;
    Findings findings;
    std::size_t start = 0;
    for (int file = 0; file < 4 && start <= text.size(); ++file) {
        std::size_t end = file == 3 ? std::string_view::npos : text.find(kSplit, start);
        if (end == std::string_view::npos) end = text.size();
        blueprints.push_back(parse_blueprint("fuzz" + std::to_string(file) + ".yaml",
                                             text.substr(start, end - start), settings.limits,
                                             findings));
        start = end + kSplit.size();
    }
    return apply_blueprints(std::move(blueprints), std::move(findings), InputFiles{}, settings);
}

}  // namespace flowprint::fuzz
