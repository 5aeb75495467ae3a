#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <future>
#include <vector>

namespace gilscope::core {

// Calls job(i) for every i in [0, count) on `threads` threads, this one included. Each thread
// takes the next index when it comes free, so runs of uneven length still keep all threads busy.
// Jobs must be independent: each writes only its own slot.
template <class Job> void forEachInParallel(std::size_t count, int threads, Job job) {
    std::atomic<std::size_t> next{0};
    auto worker = [&]() {
        for (std::size_t i; (i = next.fetch_add(1)) < count;)
            job(i);
    };
    std::vector<std::future<void>> others;
    for (int t = 1; t < std::max(1, threads); ++t)
        others.push_back(std::async(std::launch::async, worker));
    worker();
    for (auto &w : others)
        w.get();
}

} // namespace gilscope::core
