#include "video/videoexport.h"

#include <QFileInfo>
#include <QObject>

#include <cmath>

namespace gilscope::ui {

std::optional<VideoFormat> videoFormatFor(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("mp4"))
        return VideoFormat::Mp4;
    if (suffix == QLatin1String("webm"))
        return VideoFormat::WebM;
    if (suffix == QLatin1String("gif"))
        return VideoFormat::Gif;
    return std::nullopt;
}

QString videoSuffix(VideoFormat format) {
    switch (format) {
    case VideoFormat::Mp4:
        return QStringLiteral("mp4");
    case VideoFormat::WebM:
        return QStringLiteral("webm");
    case VideoFormat::Gif:
        return QStringLiteral("gif");
    }
    return {};
}

std::optional<VideoLayout> videoLayoutFor(const QString &name) {
    if (name == QLatin1String("timeline"))
        return VideoLayout::Timeline;
    if (name == QLatin1String("stage"))
        return VideoLayout::Stage;
    if (name == QLatin1String("both"))
        return VideoLayout::Both;
    return std::nullopt;
}

std::optional<VideoPlayhead> videoPlayheadFor(const QString &name) {
    if (name == QLatin1String("reveal"))
        return VideoPlayhead::Reveal;
    if (name == QLatin1String("sweep"))
        return VideoPlayhead::Sweep;
    return std::nullopt;
}

double VideoExport::effectiveFps() const {
    if (fps > 0)
        return fps;
    return 30.0;
}

int VideoExport::frameCount() const {
    return std::max(2, static_cast<int>(std::lround(durationS * effectiveFps())));
}

QString VideoExport::check() const {
    const QSize size = chart.size;
    if (size.width() < kMinWidth || size.width() > kMaxWidth)
        return QObject::tr("width must be between %1 and %2 pixels for a video, got %3")
            .arg(kMinWidth)
            .arg(kMaxWidth)
            .arg(size.width());
    if (size.height() < kMinHeight || size.height() > kMaxHeight)
        return QObject::tr("height must be between %1 and %2 pixels for a video, got %3")
            .arg(kMinHeight)
            .arg(kMaxHeight)
            .arg(size.height());
    // H.264 and VP9 store colour at half resolution: odd sides cannot be encoded.
    if (format != VideoFormat::Gif && (size.width() % 2 != 0 || size.height() % 2 != 0))
        return QObject::tr("width and height must be even for .%1, got %2x%3")
            .arg(videoSuffix(format))
            .arg(size.width())
            .arg(size.height());
    if (!(durationS >= kMinDuration && durationS <= kMaxDuration))
        return QObject::tr("duration must be between %1 and %2 seconds, got %3")
            .arg(kMinDuration)
            .arg(kMaxDuration)
            .arg(durationS);
    if (fps != 0 && !(fps >= kMinFps && fps <= kMaxFps))
        return QObject::tr("fps must be between %1 and %2, got %3")
            .arg(kMinFps)
            .arg(kMaxFps)
            .arg(fps);
    if (chart.window.end < chart.window.begin ||
        (chart.window.end == chart.window.begin && chart.window.end != 0))
        return QObject::tr("the time range must end after it starts");
    return {};
}

} // namespace gilscope::ui
