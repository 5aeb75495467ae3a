#include "play/playstories.h"

#include <QObject>

#include <algorithm>

namespace gilscope::ui {

namespace {
constexpr const char *kBattle = "r1-legacy-2cpu-4cores";
constexpr const char *kConvoy = "r6-convoy-1cpu";
} // namespace

std::optional<PlayStory> playStoryFor(const QString &presetId) {
    if (presetId == QLatin1String(kBattle))
        return PlayStory{presetId,
                         QObject::tr("Play the battle at 20 ms: every check wakes the other "
                                     "thread, which finds the GIL taken again"),
                         10};
    if (presetId == QLatin1String(kConvoy))
        return PlayStory{presetId,
                         QObject::tr("Play one request: the I/O thread's data is there, and it "
                                     "waits a whole switch interval for the GIL"),
                         10};
    return std::nullopt;
}

std::optional<core::TimeWindow> playStoryRange(const PlayStory &story, const core::Trace &trace) {
    if (story.presetId == QLatin1String(kBattle)) {
        const core::TimeWindow range{20e6, 21e6};
        if (static_cast<double>(trace.endNs) < range.end)
            return std::nullopt;
        return range;
    }
    // The convoy: one request of the first I/O thread, from its data arriving to its next
    // blocking call. Of its first ten requests the slowest: a request that came back while the
    // CPU thread had just taken the GIL, and so waited most of a switch interval.
    for (const core::ThreadTrack &track : trace.threads) {
        if (track.info.kind != "io")
            continue;
        core::TimeNs done = -1; // the last completion not yet followed by a blocking call
        int requests = 0;
        std::optional<core::TimeWindow> slowest;
        for (std::size_t i = 0; i < track.markCount() && requests < 10; ++i) {
            if (track.markKind[i] == core::MarkKind::IoEnd) {
                done = track.markTime[i];
            } else if (track.markKind[i] == core::MarkKind::IoBegin && done >= 0) {
                const core::TimeWindow request{static_cast<double>(done),
                                               static_cast<double>(track.markTime[i])};
                if (!slowest || request.span() > slowest->span())
                    slowest = request;
                done = -1;
                ++requests;
            }
        }
        if (!slowest)
            return std::nullopt;
        const double pad = std::max(1e3, slowest->span() * 0.06);
        return core::TimeWindow{std::max(0.0, slowest->begin - pad), slowest->end + pad};
    }
    return std::nullopt;
}

} // namespace gilscope::ui
