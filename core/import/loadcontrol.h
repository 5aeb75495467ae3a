#pragma once

#include <atomic>
#include <cstddef>

namespace gilscope::core {

// How a caller follows and stops a trace read that runs on another thread: readers publish
// how far they are (bytes read of `total`) and return the error "cancelled" soon after `cancel`
// becomes true. Both pointers may be null.
struct LoadControl {
    const std::atomic<bool> *cancel = nullptr;
    std::atomic<int> *permille = nullptr; // 0..1000 of the input read

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void progress(std::size_t done, std::size_t total) const {
        if (permille && total > 0)
            permille->store(static_cast<int>(done * 1000 / total), std::memory_order_relaxed);
    }
};

} // namespace gilscope::core
