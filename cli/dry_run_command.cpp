#include <fmt/format.h>

#include "commands.h"
#include "dry_run_report.h"
#include "edit_distance.h"
#include "exit_status.h"
#include "flow_index.h"
#include "input_options.h"
#include "planner.h"

namespace flowprint::cli {
namespace {

struct DryRunOptions {
    InputOptions input;
    std::string flow;
    std::string user;
    std::vector<std::string> groups;
    bool superuser = false;
    bool anonymous = false;
    bool authenticated = false;
    bool via_source = false;
    std::vector<std::string> assume;
    std::int64_t reputation = 0;
    std::string format = "text";
};

/// `--assume NAME=pass|fail`: the name must be a policy of the set, or
/// `redirect` / `outpost` for the authentication requirement.
bool read_assumptions(const std::vector<std::string>& pairs, const ObjectStore& store,
                      Assumptions& assumptions) {
    const std::vector<std::string> policies = assumable_policy_names(store);
    for (const std::string& pair : pairs) {
        const auto equals = pair.rfind('=');
        const std::string name = equals == std::string::npos ? pair : pair.substr(0, equals);
        const std::string value = equals == std::string::npos ? "" : pair.substr(equals + 1);
        if (name.empty() || (value != "pass" && value != "fail")) {
            fmt::print(stderr, "flowprint: --assume takes NAME=pass or NAME=fail, got '{}'\n",
                       pair);
            return false;
        }
        const bool known = name == "redirect" || name == "outpost" ||
                           std::binary_search(policies.begin(), policies.end(), name);
        if (!known) {
            std::vector<std::string_view> candidates(policies.begin(), policies.end());
            candidates.push_back("redirect");
            candidates.push_back("outpost");
            fmt::print(stderr,
                       "flowprint: --assume {}: no policy of that name in the blueprint set, and "
                       "not redirect or outpost{}\n",
                       name, did_you_mean(name, candidates));
            return false;
        }
        assumptions.results[name] = value == "pass" ? Verdict::pass : Verdict::fail;
    }
    return true;
}

std::optional<StartMode> start_of(const DryRunOptions& options) {
    if (options.anonymous) return StartMode::anonymous;
    if (options.authenticated) return StartMode::authenticated;
    if (options.via_source) return StartMode::via_source;
    return std::nullopt;
}

int run_dry_run(const DryRunOptions& options) {
    auto set = load_inputs(options.input);
    if (!set) return exit_usage;
    print_findings(set->findings, Severity::error);
    if (set->findings.has_errors()) {
        fmt::print(stderr, "flowprint: the blueprint set is invalid; no dry run\n");
        return exit_findings;
    }
    const FlowIndex index(set->store);
    std::optional<ObjectId> flow;
    if (options.flow.empty()) {
        if (index.flows().size() != 1) {
            fmt::print(stderr,
                       "flowprint: the blueprint set has {} flows; choose one with --flow:{}\n",
                       index.flows().size(), flow_slug_list(index));
            return exit_usage;
        }
        flow = index.flows().front();
    } else if (!(flow = index.flow_by_slug(options.flow))) {
        fmt::print(stderr, "flowprint: no flow with slug '{}' in the blueprint set; available:{}\n",
                   options.flow, flow_slug_list(index));
        return exit_usage;
    }

    DryRunRequest request;
    request.identity.username = options.user;
    request.identity.groups = options.groups;
    request.identity.superuser = options.superuser;
    request.identity.start = start_of(options);
    request.assumptions.reputation = options.reputation;
    if (!read_assumptions(options.assume, set->store, request.assumptions)) return exit_usage;

    const DryRun run = plan_dry_run(index, *flow, request);
    const std::string report =
        options.format == "json" ? format_dry_run_json(run) : format_dry_run_text(run);
    fmt::print("{}", report);
    return exit_ok;
}

}  // namespace

void add_dry_run_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<DryRunOptions>();
    options->input.kept_document = KeptDocument::nothing;  // the planner reads only the store
    CLI::App* command = app.add_subcommand(
        "dry-run", "Show which stages of a flow a user with given groups would get, and why");
    add_input_options(*command, options->input);
    command->add_option("--flow", options->flow, "The slug of the flow to run")->type_name("SLUG");
    command->add_option("--user", options->user, "Who the flow is about (a username)")
        ->type_name("NAME");
    command
        ->add_option("--group", options->groups,
                     "A direct group of the user (repeatable; comma lists)")
        ->delimiter(',')
        ->type_name("NAME");
    command->add_flag("--superuser", options->superuser, "The user is a superuser");
    auto* anonymous =
        command->add_flag("--anonymous", options->anonymous,
                          "The flow is opened without a session; --user identifies during it");
    auto* authenticated = command->add_flag("--authenticated", options->authenticated,
                                            "--user opens the flow already logged in");
    auto* via_source = command->add_flag(
        "--via-source", options->via_source,
        "A source login opens the flow: no session, but --user is known from the start");
    anonymous->excludes(authenticated)->excludes(via_source);
    authenticated->excludes(via_source);
    command
        ->add_option("--assume", options->assume,
                     "Assume a policy's result (or redirect=/outpost= for the authentication "
                     "requirement); repeatable")
        ->type_name("NAME=pass|fail");
    command
        ->add_option("--reputation", options->reputation,
                     "The requester's reputation score for reputation policies")
        ->capture_default_str()
        ->type_name("SCORE");
    command->add_option("--format", options->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    command->callback([options, &exit_code]() { exit_code = run_dry_run(*options); });
}

}  // namespace flowprint::cli
