#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "location.h"

namespace flowprint {

enum class Severity { error, warning, info };

std::string_view severity_name(Severity severity);

/// One problem found in the input: what is wrong, how bad it is, the stable
/// rule id that names the check, and where. Every layer reports with this type.
struct Finding {
    Severity severity = Severity::error;
    std::string rule;
    std::string message;
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

/// The findings of one run, in the order they were made.
class Findings {
  public:
    void add(Severity severity, std::string_view rule, std::string message, const Location& where);
    void error(std::string_view rule, std::string message, const Location& where) {
        add(Severity::error, rule, std::move(message), where);
    }
    void warning(std::string_view rule, std::string message, const Location& where) {
        add(Severity::warning, rule, std::move(message), where);
    }
    void info(std::string_view rule, std::string message, const Location& where) {
        add(Severity::info, rule, std::move(message), where);
    }
    void append(const Findings& other);

    bool has_errors() const;
    std::size_t count(Severity severity) const;
    const std::vector<Finding>& all() const { return findings_; }
    std::vector<Finding>& all() { return findings_; }
    bool empty() const { return findings_.empty(); }

    /// Findings kept for one rule in one file; past it one note says how
    /// many more there were (a flood helps nobody and costs time and memory).
    static constexpr std::size_t max_per_rule_and_file = 1000;

  private:
    std::vector<Finding> findings_;
    std::unordered_map<std::string, std::size_t> per_rule_and_file_;
};

}  // namespace flowprint
