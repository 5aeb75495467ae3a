// Prints how long the advisor's full executor x interpreter grid takes for the default scenario
// (target: <= 1 s), on all cores and on one.
#include "analysis/advisor.h"
#include "catalog/presets.h"

#include <chrono>
#include <cstdio>
#include <thread>

using namespace gilscope::core;

int main() {
    const auto scenario = loadPreset("r6-convoy-2cpu");
    if (!scenario) {
        std::printf("%s\n", scenario.error().c_str());
        return 1;
    }
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int threads : {cores, 1}) {
        double best = 1e9;
        Advice advice;
        for (int i = 0; i < 3; ++i) {
            const auto start = std::chrono::steady_clock::now();
            advice = advise(*scenario, threads);
            best = std::min(
                best,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        std::printf("advisor grid (%zu runs) for %s on %d thread(s): %.1f ms; best: %s\n",
                    advice.runs.size(), scenario->name.c_str(), threads, best * 1e3,
                    advice.reason.c_str());
    }
    return 0;
}
