#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "blueprint.h"
#include "finding.h"
#include "run_limits.h"

namespace flowprint {

/// Reads the files of a set on every core while their blueprints are taken,
/// one by one and in order, by the thread that applies them: applying file i
/// overlaps with reading the files after it. Files are started in index
/// order; a taker whose file is not read yet reads the next unstarted file
/// itself instead of waiting idle.
class ParallelReader {
  public:
    /// `after_read`, when given, runs on the reading thread for each file as
    /// soon as it is read, before the file can be taken.
    ParallelReader(std::vector<std::string> files, const Limits& limits, ReadHook after_read = {});
    ~ParallelReader();
    ParallelReader(const ParallelReader&) = delete;
    ParallelReader& operator=(const ParallelReader&) = delete;

    std::size_t size() const { return blueprints_.size(); }
    /// Blueprint i, once read; each index is taken at most once.
    Blueprint take(std::size_t index);
    /// What reading file i found; complete once it has been taken.
    const Findings& findings(std::size_t index) const { return findings_[index]; }

  private:
    /// Reads the next file nobody has started; false when there is none.
    bool read_next();

    // Copies: the helper threads may outlive the caller's arguments.
    const std::vector<std::string> files_;
    const Limits limits_;
    const ReadHook after_read_;
    std::vector<Blueprint> blueprints_;
    std::vector<Findings> findings_;
    std::atomic<std::size_t> next_{0};
    std::mutex mutex_;
    std::condition_variable read_done_;
    std::vector<char> done_;  ///< guarded by mutex_ (not vector<bool>: one byte each)
    std::vector<std::jthread> helpers_;
};

}  // namespace flowprint
