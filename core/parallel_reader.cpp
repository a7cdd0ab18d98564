#include "parallel_reader.h"

#include <algorithm>

namespace flowprint {

ParallelReader::ParallelReader(std::vector<std::string> files, const Limits& limits,
                               ReadHook after_read)
    : files_(std::move(files)),
      limits_(limits),
      after_read_(std::move(after_read)),
      blueprints_(files_.size()),
      findings_(files_.size()),
      done_(files_.size(), 0) {
    // The taking thread reads too, so one helper fewer than there are cores.
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t helpers = std::min(cores - 1, files_.size());
    for (std::size_t i = 0; i < helpers; ++i) {
        helpers_.emplace_back([this] {
            while (read_next()) {}
        });
    }
}

ParallelReader::~ParallelReader() {
    // Files nobody took are still read to the end by the helpers: joining
    // them here keeps every blueprint alive until they have finished.
    helpers_.clear();
}

bool ParallelReader::read_next() {
    const std::size_t index = next_++;
    if (index >= files_.size()) return false;
    Blueprint blueprint = read_blueprint(files_[index], limits_, findings_[index]);
    if (after_read_) after_read_(index, blueprint);
    {
        std::lock_guard lock(mutex_);
        blueprints_[index] = std::move(blueprint);
        done_[index] = 1;
    }
    read_done_.notify_all();
    return true;
}

Blueprint ParallelReader::take(std::size_t index) {
    std::unique_lock lock(mutex_);
    while (!done_[index]) {
        lock.unlock();
        const bool read_one = read_next();
        lock.lock();
        if (!read_one) read_done_.wait(lock, [&] { return done_[index] != 0; });
    }
    return std::move(blueprints_[index]);
}

}  // namespace flowprint
