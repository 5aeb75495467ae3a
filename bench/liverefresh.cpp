// Prints what one refresh of the live timeline costs while a process is sampled: the window,
// four times a second, takes the trace so far (SamplingSession::snapshot) and prepares it whole
// (prepareRun: index for drawing and metrics), as MainWindow::showTrace does. Painting is not
// included. Issue 14, item 5: is a moving window (follow mode) worth it?
//
//   liverefresh PID [SECONDS=60] [HZ=1000]
#include "run/preparedrun.h"
#include "sampling/samplingsession.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

using namespace gilscope;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: liverefresh PID [SECONDS] [HZ]\n");
        return 2;
    }
    const int pid = std::atoi(argv[1]);
    const double seconds = argc > 2 ? std::atof(argv[2]) : 60;
    const double hz = argc > 3 ? std::atof(argv[3]) : 1000;
    auto sampler = core::ProcSampler::open(pid, {});
    if (!sampler.ok()) {
        std::fprintf(stderr, "%s\n", sampler.error().c_str());
        return 1;
    }
    core::SamplingSession session(std::move(*sampler), hz);
    std::atomic<bool> stop{false};
    std::thread sampling([&] { session.run(stop, seconds); });
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    std::vector<double> window; // refresh times in the last 10 s
    int nextReport = 10;
    while (!session.sampler().finished()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        const double at = std::chrono::duration<double>(Clock::now() - start).count();
        const auto t0 = Clock::now();
        auto trace = std::make_shared<const core::Trace>(session.snapshot());
        const auto t1 = Clock::now();
        const auto run = core::prepareRun(trace, "live");
        const auto t2 = Clock::now();
        const double snap = std::chrono::duration<double, std::milli>(t1 - t0).count();
        const double prep = std::chrono::duration<double, std::milli>(t2 - t1).count();
        window.push_back(snap + prep);
        if (at >= nextReport || at >= seconds) {
            std::sort(window.begin(), window.end());
            std::printf("%5.1f s: %zu events, refresh median %.1f ms, max %.1f ms (last: snapshot "
                        "%.1f + prepare %.1f ms)\n",
                        at, trace->eventCount(), window[window.size() / 2], window.back(), snap,
                        prep);
            std::fflush(stdout);
            window.clear();
            nextReport += 10;
        }
        if (at >= seconds)
            break;
    }
    stop = true;
    sampling.join();
    return 0;
}
