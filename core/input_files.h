#pragma once

#include <string>
#include <vector>

namespace flowprint {

/// The blueprint files a command line names, in apply order, and the
/// directories against which meta-apply paths are resolved.
struct InputFiles {
    std::vector<std::string> files;
    std::vector<std::string> search_dirs;
    /// What is wrong with the paths (missing, no blueprints); empty when usable.
    std::string error;
};

/// Files stay in the order given; directories are walked recursively for
/// `*.yaml` / `*.yml`, in byte order of their relative paths.
InputFiles find_input_files(const std::vector<std::string>& paths);

}  // namespace flowprint
