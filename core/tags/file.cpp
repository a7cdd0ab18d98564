// !File PATH or !File [PATH, DEFAULT]: the file's stripped content, read
// only with --allow-file (offline, a blueprint should not read the machine).
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "tag.h"

namespace flowprint::tags {
namespace {

std::string strip(std::string text) {
    const char* space = " \t\n\r\f\v";
    const auto first = text.find_first_not_of(space);
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(space);
    return text.substr(first, last - first + 1);
}

}  // namespace

Value resolve_file(const yaml::Node& node, Resolver& resolver) {
    const auto argument = read_key_with_default(node, resolver, "PATH or [PATH, DEFAULT]");
    if (!argument) return {};
    // Messages show the path as python_str does, so a path from !Env stays hidden.
    const std::string path = python_str(argument->key);
    auto fallback = [&]() { return argument->resolve_fallback(node, resolver); };
    if (!resolver.settings().allow_file) {
        resolver.findings().info(
            "file-not-read",
            fmt::format("!File '{}' is not read offline (use --allow-file); its default is used",
                        path),
            node.location);
        return fallback();
    }
    std::filesystem::path full(revealed_str(argument->key));
    if (full.is_relative()) full = std::filesystem::path(resolver.blueprint_dir()) / full;
    std::error_code error;
    const auto size = std::filesystem::file_size(full, error);
    if (error || size > resolver.settings().limits.max_scalar_bytes) {
        resolver.findings().warning(
            "file-tag-unreadable",
            fmt::format("!File '{}' cannot be read{}; its default is used", path,
                        error ? "" : " (larger than --max-scalar-bytes)"),
            node.location);
        return fallback();
    }
    std::ifstream in(full, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return Value{strip(std::move(content)), node.location};
}

}  // namespace flowprint::tags
