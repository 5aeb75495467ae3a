#pragma once

#include "video/videoexport.h"

#include <QByteArray>
#include <QImage>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace gilscope::ui {

// Frames in, a video file out: raw RGB32 frames piped to an ffmpeg process. GIL Scope does not
// encode video itself; ffmpeg (a Debian package) is an optional runtime tool, found on PATH.
class FfmpegEncoder {
public:
    FfmpegEncoder() = default;
    ~FfmpegEncoder();
    FfmpegEncoder(const FfmpegEncoder &) = delete;
    FfmpegEncoder &operator=(const FfmpegEncoder &) = delete;

    // The ffmpeg on PATH; empty when there is none.
    static QString executable();
    // Said when ffmpeg is missing: what needs it and how to install it.
    static QString missingMessage();
    // The encoder settings per format, chosen for speed on a small machine: H.264 veryfast,
    // VP9 in real-time mode, GIF through one palette for the whole clip (`palette`, a PNG made
    // by startPalette() from a few frames, so ffmpeg need not hold every frame to make one).
    static QStringList arguments(VideoFormat format, QSize size, double fps, const QString &out,
                                 const QString &palette = {});
    // Frames in, the 256-colour palette that suits them out (a PNG at `out`).
    static QStringList paletteArguments(QSize size, const QString &out);

    bool start(VideoFormat format, QSize size, double fps, const QString &outPath, QString *error,
               const QString &palette = {});
    bool startPalette(QSize size, const QString &outPath, QString *error);
    bool write(const QImage &frame, QString *error);
    // Ends the stream and waits for ffmpeg; false (with its last words) when it failed.
    bool finish(QString *error);
    // Stops ffmpeg at once (a cancelled export).
    void abort();

private:
    QString failure(const QString &what);
    bool launch(const QStringList &args, QSize size, QString *error);

    QProcess m_process;
    QSize m_size;
    bool m_started = false;
};

} // namespace gilscope::ui
