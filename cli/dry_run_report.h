#pragma once

#include <string>

#include "planner.h"

namespace flowprint::cli {

/// The dry run as a report for a person (SPEC 6): header, verdicts, the
/// numbered plan with the bindings that decided each stage, warnings.
std::string format_dry_run_text(const DryRun& run);

/// The same content as a stable JSON document (fields listed in the README).
std::string format_dry_run_json(const DryRun& run);

}  // namespace flowprint::cli
