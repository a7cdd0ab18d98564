#pragma once

namespace flowprint::cli {

/// The exit statuses of every command (SPEC 7, 8).
enum ExitStatus : int {
    exit_ok = 0,        ///< done; nothing that fails the run
    exit_findings = 1,  ///< the blueprint set has findings that fail the run
    exit_usage = 2,     ///< bad arguments, or a path that cannot be read
};

}  // namespace flowprint::cli
