#include "video/videoexporter.h"

#include "files/localpath.h"
#include "video/ffmpegencoder.h"
#include "video/videoframes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <cstdio>

namespace gilscope::ui {

bool exportVideo(const core::TraceIndexPtr &index, const VideoExport &options, const QString &path,
                 QString *error, const VideoProgress &progress, VideoStats *stats) {
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const auto format = videoFormatFor(path);
    if (!format || *format != options.format)
        return fail(
            format ? QObject::tr("%1: the extension does not match the format (.%2)")
                         .arg(path, videoSuffix(options.format))
                   : QObject::tr("%1: unknown video format: use .mp4, .webm or .gif").arg(path));
    if (const QString problem = options.check(); !problem.isEmpty())
        return fail(QStringLiteral("%1: %2").arg(path, problem));
    if (!index)
        return fail(QObject::tr("%1: nothing to draw").arg(path));
    const QFileInfo target(path);
    if (!core::pathExists(core::absoluteFolderOf(path)))
        return fail(QObject::tr("%1: cannot write: the folder does not exist").arg(path));
    // ffmpeg writes a file and the file replaces the target: a device or FIFO would be replaced
    // by a regular file, so only regular files (or new names) are accepted.
    if (target.exists() && !target.isFile())
        return fail(QObject::tr("%1: cannot write a video over something that is not a regular "
                                "file")
                        .arg(path));
    if (FfmpegEncoder::executable().isEmpty())
        return fail(FfmpegEncoder::missingMessage());

    QTemporaryFile partial(target.absoluteDir().filePath(
        QStringLiteral(".%1-XXXXXX.%2")
            .arg(target.completeBaseName(), videoSuffix(options.format))));
    if (!partial.open())
        return fail(QObject::tr("%1: cannot write: %2").arg(path, partial.errorString()));
    partial.close();

    QElapsedTimer clock;
    clock.start();
    VideoFrames frames(index, options);
    QString why;
    const int total = frames.count();
    // GIF: the palette from a dozen frames first, so ffmpeg need not keep the whole clip in
    // memory to make one (300 frames of 1080p would be 2.4 GB).
    QTemporaryDir scratch;
    QString palette;
    if (options.format == VideoFormat::Gif) {
        if (!scratch.isValid())
            return fail(QObject::tr("%1: no temporary folder for the palette").arg(path));
        palette = scratch.filePath(QStringLiteral("palette.png"));
        FfmpegEncoder sampler;
        if (!sampler.startPalette(options.chart.size, palette, &why))
            return fail(QStringLiteral("%1: %2").arg(path, why));
        constexpr int kSamples = 12;
        for (int k = 0; k < kSamples; ++k)
            if (!sampler.write(frames.render(k * (total - 1) / (kSamples - 1)), &why))
                return fail(QStringLiteral("%1: %2").arg(path, why));
        if (!sampler.finish(&why))
            return fail(QStringLiteral("%1: %2").arg(path, why));
    }
    FfmpegEncoder encoder;
    if (!encoder.start(options.format, options.chart.size, options.effectiveFps(),
                       partial.fileName(), &why, palette))
        return fail(QStringLiteral("%1: %2").arg(path, why));
    for (int i = 0; i < total; ++i) {
        if (!encoder.write(frames.render(i), &why))
            return fail(QStringLiteral("%1: %2").arg(path, why));
        if (progress && !progress(i + 1, total)) {
            encoder.abort();
            return fail(QObject::tr("%1: cancelled").arg(path));
        }
    }
    if (!encoder.finish(&why))
        return fail(QStringLiteral("%1: %2").arg(path, why));
    if (std::rename(QFile::encodeName(partial.fileName()).constData(),
                    QFile::encodeName(path).constData()) != 0)
        return fail(QObject::tr("%1: cannot replace the file").arg(path));
    partial.setAutoRemove(false);
    // The temporary file was made private (0600); a video is as readable as any other export.
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                    QFile::ReadOther);
    if (stats) {
        stats->frames = total;
        stats->seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    }
    return true;
}

} // namespace gilscope::ui
