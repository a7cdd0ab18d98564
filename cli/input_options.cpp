#include "input_options.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <iterator>

#include "finding_formats.h"
#include "scalar_typing.h"

namespace flowprint::cli {

void add_input_options(CLI::App& command, InputOptions& options) {
    command
        .add_option("paths", options.paths, "Blueprint files or directories (searched recursively)")
        ->required()
        ->type_name("PATH");
    command
        .add_option("--context", options.context,
                    "Set a context value for !Context, over the blueprints' own")
        ->type_name("KEY=VALUE")
        // One KEY=VALUE per --context: the words after it are paths.
        ->allow_extra_args(false);
    command.add_flag("--allow-file", options.allow_file,
                     "Let !File read files (off by default: its default value is used)");
    command
        .add_option("--max-file-bytes", options.limits.max_file_bytes,
                    "Largest blueprint file read")
        ->capture_default_str();
    command
        .add_option("--max-scalar-bytes", options.limits.max_scalar_bytes,
                    "Largest single YAML scalar")
        ->capture_default_str();
    // The resolver and the schema check recurse once per level, and tags may
    // nest values twice as deep: the ceiling bounds the stack.
    command
        .add_option("--max-depth", options.limits.max_depth, "Deepest YAML nesting (at most 1000)")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
    command
        .add_option("--max-nodes", options.limits.max_nodes,
                    "Most YAML nodes in one file, after alias expansion")
        ->capture_default_str();
    command
        .add_option("--max-enumerate", options.limits.max_enumerate_values,
                    "Most items iterated by !Enumerate in one run")
        ->capture_default_str();
    command
        .add_option("--max-tag-values", options.limits.max_tag_values,
                    "Most values made by tags in one run (a string counts one more per 64 "
                    "bytes)")
        ->capture_default_str();
}

std::optional<InputFiles> find_inputs(const InputOptions& options) {
    InputFiles inputs = find_input_files(options.paths);
    if (!inputs.error.empty()) {
        fmt::print(stderr, "flowprint: {}\n", inputs.error);
        return std::nullopt;
    }
    return inputs;
}

std::optional<BlueprintSet> load_inputs(const InputOptions& options) {
    const auto inputs = find_inputs(options);
    if (!inputs) return std::nullopt;
    return load_inputs(options, *inputs);
}

std::optional<BlueprintSet> load_inputs(const InputOptions& options, const InputFiles& inputs,
                                        ReadHook after_read) {
    ResolveSettings settings;
    settings.limits = options.limits;
    settings.allow_file = options.allow_file;
    settings.kept_document = options.kept_document;
    settings.environment = [](const std::string& name) -> std::optional<std::string> {
        if (const char* value = std::getenv(name.c_str())) return std::string(value);
        return std::nullopt;
    };
    for (const std::string& pair : options.context) {
        const auto equals = pair.find('=');
        if (equals == std::string::npos || equals == 0) {
            fmt::print(stderr, "flowprint: --context takes KEY=VALUE, got '{}'\n", pair);
            return std::nullopt;
        }
        set_in(settings.context_overrides, pair.substr(0, equals),
               Value{type_plain_scalar(std::string_view(pair).substr(equals + 1))});
    }
    return load_blueprint_set(inputs, settings, std::move(after_read));
}

std::string flow_slug_list(const FlowIndex& index) {
    std::string list;
    for (ObjectId flow : index.flows()) list += "\n  " + index.slug_of(flow);
    return list.empty() ? std::string("\n  (none)") : list;
}

void print_findings(const Findings& findings, Severity minimum) {
    // stderr is unbuffered: write in blocks, or a million findings take a
    // million system calls.
    fmt::memory_buffer out;
    for (const Finding& finding : findings.all()) {
        if (static_cast<int>(finding.severity) > static_cast<int>(minimum)) continue;
        fmt::format_to(std::back_inserter(out), "{}:{}:{}: {}: {} [{}]\n", printable(finding.file),
                       finding.line, finding.column, severity_name(finding.severity),
                       printable(finding.message), finding.rule);
        if (out.size() > (1u << 16)) {
            std::fwrite(out.data(), 1, out.size(), stderr);
            out.clear();
        }
    }
    std::fwrite(out.data(), 1, out.size(), stderr);
}

}  // namespace flowprint::cli
