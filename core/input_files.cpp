#include "input_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace flowprint {
namespace fs = std::filesystem;

namespace {

bool is_blueprint_name(const fs::path& path) {
    const auto extension = path.extension().string();
    return extension == ".yaml" || extension == ".yml";
}

void add_search_dir(std::vector<std::string>& dirs, const fs::path& dir) {
    std::error_code error;
    const std::string canonical = fs::weakly_canonical(dir, error).string();
    if (std::find(dirs.begin(), dirs.end(), canonical) == dirs.end()) dirs.push_back(canonical);
}

}  // namespace

InputFiles find_input_files(const std::vector<std::string>& paths) {
    InputFiles inputs;
    if (paths.empty()) {
        inputs.error = "no blueprint path given";
        return inputs;
    }
    for (const std::string& given : paths) {
        std::error_code error;
        const fs::path path(given);
        const auto status = fs::status(path, error);
        if (error || !fs::exists(status)) {
            inputs.error = fmt::format("{}: no such file or directory", given);
            return inputs;
        }
        if (fs::is_directory(status)) {
            add_search_dir(inputs.search_dirs, path);
            std::vector<std::pair<std::string, std::string>> found;  // (relative, full)
            fs::recursive_directory_iterator walk(
                path, fs::directory_options::skip_permission_denied, error);
            for (auto end = fs::recursive_directory_iterator(); !error && walk != end;
                 walk.increment(error)) {
                if (walk->is_regular_file(error) && is_blueprint_name(walk->path())) {
                    found.emplace_back(fs::relative(walk->path(), path, error).generic_string(),
                                       walk->path().string());
                }
            }
            if (found.empty()) {
                inputs.error =
                    fmt::format("{}: no blueprints (*.yaml, *.yml) in this directory", given);
                return inputs;
            }
            std::sort(found.begin(), found.end());
            for (auto& [relative, full] : found) inputs.files.push_back(std::move(full));
        } else {
            inputs.files.push_back(given);
            // Meta-apply paths are relative to the blueprints root, which may be
            // any directory above the file.
            fs::path dir = fs::weakly_canonical(path, error).parent_path();
            while (!dir.empty()) {
                add_search_dir(inputs.search_dirs, dir);
                if (dir == dir.root_path()) break;
                dir = dir.parent_path();
            }
        }
    }
    return inputs;
}

}  // namespace flowprint
