#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <future>
#include <map>
#include <sstream>

#include "commands.h"
#include "exit_status.h"
#include "finding_formats.h"
#include "input_options.h"
#include "rules/rule.h"
#include "validation/validate.h"

namespace flowprint::cli {
namespace {

struct ValidateOptions {
    InputOptions input;
    std::string schema_file;
    std::string authentik_version;
    FindingFormat format = FindingFormat::text;
    bool strict = false;
    bool list_rules = false;
};

void list_rules() {
    for (const rules::Rule& rule : rules::all_rules()) {
        fmt::print("{}\t{}\t{}\n", rule.id, severity_name(rule.severity), rule.description);
    }
}

/// Reads and compiles `--schema FILE`; a problem is a usage error.
std::unique_ptr<validation::CompiledSchema> read_schema(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fmt::print(stderr, "flowprint: {}: cannot read the schema file\n", path);
        return nullptr;
    }
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text.str());
    } catch (const std::exception& e) {
        fmt::print(stderr, "flowprint: {}: not a JSON document: {}\n", path, e.what());
        return nullptr;
    }
    std::string error;
    auto schema = validation::compile_schema(std::move(document), error);
    if (!schema) fmt::print(stderr, "flowprint: {}: {}\n", path, error);
    return schema;
}

int run_validate(const ValidateOptions& options) {
    if (options.list_rules) {
        list_rules();
        return exit_ok;
    }
    if (options.input.paths.empty()) {
        fmt::print(stderr, "flowprint: validate needs at least one PATH (see --help)\n");
        return exit_usage;
    }
    validation::ValidateOptions settings;
    if (!options.authentik_version.empty()) {
        settings.authentik_version = parse_release(options.authentik_version);
        if (!settings.authentik_version) {
            fmt::print(stderr,
                       "flowprint: --authentik-version takes a release such as 2024.12, got '{}'\n",
                       options.authentik_version);
            return exit_usage;
        }
    }
    std::unique_ptr<validation::CompiledSchema> other_schema;
    std::shared_future<const validation::CompiledSchema*> schema;
    if (!options.schema_file.empty()) {
        other_schema = read_schema(options.schema_file);
        if (!other_schema) return exit_usage;
        std::promise<const validation::CompiledSchema*> ready;
        ready.set_value(other_schema.get());
        schema = ready.get_future().share();
    } else {
        // The built-in schema compiles while the first files are read.
        schema = std::async(std::launch::async, [] { return &validation::embedded_schema(); });
    }
    const auto inputs = find_inputs(options.input);
    if (!inputs) return exit_usage;
    validation::SchemaChecks schema_checks(schema, inputs->files.size());
    auto set = load_inputs(options.input, *inputs, schema_checks.hook());
    if (!set) return exit_usage;
    const Findings findings = validation::validate_set(*set, schema_checks, settings);

    RunSummary summary;
    summary.files = set->blueprints.size();
    summary.colour = isatty(fileno(stdout)) && std::getenv("NO_COLOR") == nullptr;
    switch (options.format) {
        case FindingFormat::text: write_text(stdout, findings, summary); break;
        case FindingFormat::json: write_json(stdout, findings, summary); break;
        case FindingFormat::sarif: write_sarif(stdout, findings, summary); break;
        case FindingFormat::github: write_github(stdout, findings, summary); break;
    }
    const bool fails =
        findings.has_errors() || (options.strict && findings.count(Severity::warning) > 0);
    return fails ? exit_findings : exit_ok;
}

}  // namespace

void add_validate_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ValidateOptions>();
    // The schema check sees each tree as it is read; after that the rules
    // read only each entry's outline.
    options->input.kept_document = KeptDocument::outline;
    CLI::App* command = app.add_subcommand(
        "validate", "Check blueprints against the schema and their cross-references");
    add_input_options(*command, options->input);
    command->get_option("paths")->required(false);
    command
        ->add_option("--schema", options->schema_file,
                     "Validate against this JSON Schema instead of the built-in one "
                     "(e.g. authentik's schema.json)")
        ->type_name("FILE");
    command
        ->add_option("--authentik-version", options->authentik_version,
                     "Fail on models and values that this authentik release does not have")
        ->type_name("X.Y");
    const std::map<std::string, FindingFormat> formats{{"text", FindingFormat::text},
                                                       {"json", FindingFormat::json},
                                                       {"sarif", FindingFormat::sarif},
                                                       {"github", FindingFormat::github}};
    command->add_option("--format", options->format, "Output format")
        ->transform(CLI::CheckedTransformer(formats))
        ->type_name("text|json|sarif|github")
        ->default_str("text");
    command->add_flag("--strict", options->strict, "Warnings fail the run too");
    command->add_flag("--list-rules", options->list_rules,
                      "Print every rule id with its severity and description, and exit");
    command->callback([options, &exit_code]() { exit_code = run_validate(*options); });
}

}  // namespace flowprint::cli
