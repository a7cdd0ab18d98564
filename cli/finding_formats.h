#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "finding.h"

namespace flowprint::cli {

/// How `flowprint validate` writes its findings; each format is a view of
/// the same findings, and no rule formats anything itself.
enum class FindingFormat { text, json, sarif, github };

/// What the output says about the run as a whole.
struct RunSummary {
    std::size_t files = 0;
    bool colour = false;
};

/// `path:line:col: severity: message [rule]` per finding, then a one-line summary.
/// The text on one line, control characters written as escapes: a value
/// quoted in a message cannot start a line of its own (a forged finding) or
/// drive the terminal.
std::string printable(std::string_view text);

void write_text(std::FILE* out, const Findings& findings, const RunSummary& summary);
/// A JSON document: `findings` (file, line, column, severity, rule, message) and `summary`.
void write_json(std::FILE* out, const Findings& findings, const RunSummary& summary);
/// SARIF 2.1.0 with the rules that the results use in `tool.driver.rules`.
void write_sarif(std::FILE* out, const Findings& findings, const RunSummary& summary);
/// GitHub workflow commands: `::error file=…,line=…,col=…,title=rule::message`.
void write_github(std::FILE* out, const Findings& findings, const RunSummary& summary);

}  // namespace flowprint::cli
