#include "output_files.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <vector>

namespace flowprint::cli {
namespace {

std::string error_text(int error) { return std::strerror(error); }

/// Writes the text to a new temporary file beside `target`, whose path goes
/// into `temporary` once it exists; gives the error, if any.
std::optional<std::string> write_temporary(const std::filesystem::path& target,
                                           std::string_view text, std::string& temporary) {
    std::string pattern =
        (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        return fmt::format("cannot write {}: {}", target.string(), error_text(errno));
    }
    temporary = pattern;
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            return fmt::format("cannot write {}: {}", target.string(), error_text(error));
        }
        written += static_cast<std::size_t>(n);
    }
    // mkstemp makes the file private; give it the mode a new file would get.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    int error = ::fchmod(fd, 0666 & ~mask) != 0 ? errno : 0;
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error != 0) return fmt::format("cannot write {}: {}", target.string(), error_text(error));
    return std::nullopt;
}

}  // namespace

std::optional<std::string> write_output_files(const std::string& directory,
                                              std::span<const OutputFile> files) {
    namespace fs = std::filesystem;
    const fs::path dir(directory);
    std::error_code code;
    fs::create_directories(dir, code);
    if (code || !fs::is_directory(dir, code)) {
        return fmt::format("cannot write into the output directory {}: {}", directory,
                           code ? code.message() : std::string("not a directory"));
    }
    std::vector<std::string> temporaries;
    auto remove_temporaries = [&](std::size_t from) {
        for (std::size_t i = from; i < temporaries.size(); ++i) ::unlink(temporaries[i].c_str());
    };
    for (const OutputFile& file : files) {
        std::string temporary;
        auto error = write_temporary(dir / file.name, file.text, temporary);
        if (!temporary.empty()) temporaries.push_back(temporary);
        if (error) {
            remove_temporaries(0);
            return error;
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        const fs::path target = dir / files[i].name;
        if (::rename(temporaries[i].c_str(), target.c_str()) != 0) {
            const int error = errno;
            remove_temporaries(i);
            return fmt::format("cannot write {}: {}", target.string(), error_text(error));
        }
    }
    return std::nullopt;
}

}  // namespace flowprint::cli
