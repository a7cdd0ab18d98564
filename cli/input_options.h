#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "blueprint_set.h"
#include "flow_index.h"
#include "run_limits.h"

namespace flowprint::cli {

/// The options every command that reads blueprints shares: the paths, the
/// context, `--allow-file` and the limits.
struct InputOptions {
    std::vector<std::string> paths;
    std::vector<std::string> context;
    bool allow_file = false;
    Limits limits;
    /// Commands that read the trees less keep less of them (see KeptDocument).
    KeptDocument kept_document = KeptDocument::whole;
};

void add_input_options(CLI::App& command, InputOptions& options);

/// The blueprint files the paths name; on a problem prints it to stderr and
/// gives nothing.
std::optional<InputFiles> find_inputs(const InputOptions& options);

/// Loads the set of these files (see load_blueprint_set); on a usage problem
/// prints it to stderr and gives nothing.
std::optional<BlueprintSet> load_inputs(const InputOptions& options, const InputFiles& inputs,
                                        ReadHook after_read = {});

/// Finds and loads the blueprint set.
std::optional<BlueprintSet> load_inputs(const InputOptions& options);

/// The set's flow slugs, one per line indented by two spaces ("(none)" when
/// there are none), for messages that ask for --flow.
std::string flow_slug_list(const FlowIndex& index);

/// Prints findings as `path:line:col: severity: message [rule]` to stderr,
/// those of at least `minimum` severity.
void print_findings(const Findings& findings, Severity minimum);

}  // namespace flowprint::cli
