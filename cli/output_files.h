#pragma once

#include <optional>
#include <span>
#include <string>

namespace flowprint::cli {

/// A file to write into the output directory: its name there and its text.
struct OutputFile {
    std::string name;
    std::string text;
};

/// Writes every file into `directory` (created when missing), each atomically:
/// all texts go to temporary files in the directory first, then each is
/// renamed over its name. On a failure every temporary file is removed, so
/// no half-written file is ever left; gives the error to report.
std::optional<std::string> write_output_files(const std::string& directory,
                                              std::span<const OutputFile> files);

}  // namespace flowprint::cli
