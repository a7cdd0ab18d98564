#include "finding_formats.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rules/rule.h"

namespace flowprint::cli {
namespace {

using json = nlohmann::json;

std::string plural(std::size_t count, std::string_view word) {
    return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

std::string summary_line(const Findings& findings, const RunSummary& summary) {
    return fmt::format("{}: {}, {}, {}", plural(summary.files, "file"),
                       plural(findings.count(Severity::error), "error"),
                       plural(findings.count(Severity::warning), "warning"),
                       plural(findings.count(Severity::info), "info"));
}

std::string_view colour_of(Severity severity) {
    switch (severity) {
        case Severity::error: return "\033[1;31m";
        case Severity::warning: return "\033[1;33m";
        case Severity::info: return "\033[1;36m";
    }
    return "";
}

std::string_view sarif_level(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::info: return "note";
    }
    return "error";
}

std::string github_escape(std::string_view text, bool property) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '%': out += "%25"; break;
            case '\r': out += "%0D"; break;
            case '\n': out += "%0A"; break;
            case ':': out += property ? "%3A" : ":"; break;
            case ',': out += property ? "%2C" : ","; break;
            default: out += c;
        }
    }
    return out;
}

std::string sarif_uri(std::string_view path) {
    std::string uri = path.starts_with("/") ? "file://" : "";
    for (char c : path) {
        if (c == ' ') {
            uri += "%20";
        } else if (c == '%') {
            uri += "%25";
        } else {
            uri += c;
        }
    }
    return uri;
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                    out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
                } else {
                    out += c;
                }
        }
    }
    return out;
}

void write_text(std::FILE* out, const Findings& findings, const RunSummary& summary) {
    for (const Finding& f : findings.all()) {
        const std::string_view severity = severity_name(f.severity);
        if (summary.colour) {
            fmt::print(out, "\033[1m{}:{}:{}:\033[0m {}{}:\033[0m {} \033[2m[{}]\033[0m\n",
                       printable(f.file), f.line, f.column, colour_of(f.severity), severity,
                       printable(f.message), f.rule);
        } else {
            fmt::print(out, "{}:{}:{}: {}: {} [{}]\n", printable(f.file), f.line, f.column,
                       severity, printable(f.message), f.rule);
        }
    }
    fmt::print(out, "{}\n", summary_line(findings, summary));
}

void write_json(std::FILE* out, const Findings& findings, const RunSummary& summary) {
    json list = json::array();
    for (const Finding& f : findings.all()) {
        list.push_back({{"file", f.file},
                        {"line", f.line},
                        {"column", f.column},
                        {"severity", severity_name(f.severity)},
                        {"rule", f.rule},
                        {"message", f.message}});
    }
    const json document{{"findings", std::move(list)},
                        {"summary",
                         {{"files", summary.files},
                          {"errors", findings.count(Severity::error)},
                          {"warnings", findings.count(Severity::warning)},
                          {"infos", findings.count(Severity::info)}}}};
    fmt::print(out, "{}\n", document.dump(2));
}

void write_sarif(std::FILE* out, const Findings& findings, const RunSummary&) {
    json rules = json::array();
    std::vector<std::string> rule_ids;
    json results = json::array();
    for (const Finding& f : findings.all()) {
        auto at = std::find(rule_ids.begin(), rule_ids.end(), f.rule);
        if (at == rule_ids.end()) {
            const rules::Rule* rule = rules::find_rule(f.rule);
            rules.push_back({{"id", f.rule},
                             {"shortDescription", {{"text", rule ? rule->description : f.rule}}},
                             {"defaultConfiguration",
                              {{"level", sarif_level(rule ? rule->severity : f.severity)}}}});
            rule_ids.push_back(f.rule);
            at = rule_ids.end() - 1;
        }
        results.push_back(
            {{"ruleId", f.rule},
             {"ruleIndex", at - rule_ids.begin()},
             {"level", sarif_level(f.severity)},
             {"message", {{"text", f.message}}},
             {"locations",
              json::array({{{"physicalLocation",
                             {{"artifactLocation", {{"uri", sarif_uri(f.file)}}},
                              {"region",
                               {{"startLine", std::max<std::uint32_t>(f.line, 1)},
                                {"startColumn", std::max<std::uint32_t>(f.column, 1)}}}}}}})}});
    }
    const json document{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                        {"version", "2.1.0"},
                        {"runs", json::array({{{"tool",
                                                {{"driver",
                                                  {{"name", "flowprint"},
                                                   {"version", FLOWPRINT_VERSION},
                                                   {"rules", std::move(rules)}}}}},
                                               {"results", std::move(results)}}})}};
    fmt::print(out, "{}\n", document.dump(2));
}

void write_github(std::FILE* out, const Findings& findings, const RunSummary& summary) {
    for (const Finding& f : findings.all()) {
        const std::string_view command = f.severity == Severity::error     ? "error"
                                         : f.severity == Severity::warning ? "warning"
                                                                           : "notice";
        fmt::print(out, "::{} file={},line={},col={},title={}::{}\n", command,
                   github_escape(f.file, true), f.line, f.column, github_escape(f.rule, true),
                   github_escape(f.message, false));
    }
    fmt::print(out, "{}\n", summary_line(findings, summary));
}

}  // namespace flowprint::cli
