#include "finding.h"

#include <algorithm>

namespace flowprint {

std::string_view severity_name(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::info: return "info";
    }
    return "error";
}

void Findings::add(Severity severity, std::string_view rule, std::string message,
                   const Location& where) {
    std::string key(rule);
    key += '\n';
    key += where.file;
    const std::size_t seen = ++per_rule_and_file_[key];
    if (seen > max_per_rule_and_file + 1) return;
    if (seen == max_per_rule_and_file + 1) {
        findings_.push_back(
            Finding{Severity::info, "too-many-findings",
                    "more findings of [" + std::string(rule) + "] in this file are not shown",
                    std::string(where.file), where.line, where.column});
        return;
    }
    findings_.push_back(Finding{severity, std::string(rule), std::move(message),
                                std::string(where.file), where.line, where.column});
}

void Findings::append(const Findings& other) {
    findings_.insert(findings_.end(), other.findings_.begin(), other.findings_.end());
}

bool Findings::has_errors() const { return count(Severity::error) > 0; }

std::size_t Findings::count(Severity severity) const {
    return static_cast<std::size_t>(
        std::count_if(findings_.begin(), findings_.end(),
                      [severity](const Finding& f) { return f.severity == severity; }));
}

}  // namespace flowprint
