#include "video/ffmpegencoder.h"

#include <QStandardPaths>

namespace gilscope::ui {

namespace {
// Frames queued for ffmpeg before the renderer waits: enough to keep both busy, little memory.
constexpr qint64 kQueuedFrames = 3;
} // namespace

FfmpegEncoder::~FfmpegEncoder() {
    abort();
}

QString FfmpegEncoder::executable() {
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

QString FfmpegEncoder::missingMessage() {
    return QObject::tr("ffmpeg is not installed (not found on PATH): videos (.mp4, .webm, .gif) "
                       "are encoded by ffmpeg; install it, e.g. sudo apt-get install ffmpeg");
}

namespace {
QStringList rawInput(QSize size, double fps) {
    return {QStringLiteral("-hide_banner"),
            QStringLiteral("-loglevel"),
            QStringLiteral("error"),
            QStringLiteral("-nostdin"),
            QStringLiteral("-y"),
            QStringLiteral("-f"),
            QStringLiteral("rawvideo"),
            QStringLiteral("-pix_fmt"),
            QStringLiteral("bgr0"), // QImage::Format_RGB32 in memory, little-endian
            QStringLiteral("-s"),
            QStringLiteral("%1x%2").arg(size.width()).arg(size.height()),
            QStringLiteral("-r"),
            QString::number(fps),
            QStringLiteral("-i"),
            QStringLiteral("-")};
}
} // namespace

QStringList FfmpegEncoder::paletteArguments(QSize size, const QString &out) {
    return rawInput(size, 1) << QStringLiteral("-vf")
                             << QStringLiteral("palettegen=stats_mode=full")
                             << QStringLiteral("-update") << QStringLiteral("1") << out;
}

QStringList FfmpegEncoder::arguments(VideoFormat format, QSize size, double fps, const QString &out,
                                     const QString &palette) {
    QStringList args = rawInput(size, fps);
    switch (format) {
    case VideoFormat::Mp4:
        // Flat colour and sharp edges: x264's animation tuning; yuv420p so every player opens it.
        args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-preset")
             << QStringLiteral("veryfast") << QStringLiteral("-tune") << QStringLiteral("animation")
             << QStringLiteral("-crf") << QStringLiteral("20") << QStringLiteral("-pix_fmt")
             << QStringLiteral("yuv420p") << QStringLiteral("-movflags")
             << QStringLiteral("+faststart") << QStringLiteral("-f") << QStringLiteral("mp4");
        break;
    case VideoFormat::WebM:
        // VP9 in real-time mode: several times faster than its default good-quality mode.
        args << QStringLiteral("-c:v") << QStringLiteral("libvpx-vp9")
             << QStringLiteral("-deadline") << QStringLiteral("realtime")
             << QStringLiteral("-cpu-used") << QStringLiteral("8") << QStringLiteral("-row-mt")
             << QStringLiteral("1") << QStringLiteral("-b:v") << QStringLiteral("0")
             << QStringLiteral("-crf") << QStringLiteral("33") << QStringLiteral("-pix_fmt")
             << QStringLiteral("yuv420p") << QStringLiteral("-f") << QStringLiteral("webm");
        break;
    case VideoFormat::Gif:
        // One palette for the whole clip, no dithering: flat colours stay flat. Made from the
        // clip itself when no palette file is given (ffmpeg then holds every frame).
        if (!palette.isEmpty())
            args << QStringLiteral("-i") << palette << QStringLiteral("-filter_complex")
                 << QStringLiteral("[0:v][1:v]paletteuse=dither=none:diff_mode=rectangle");
        else
            args << QStringLiteral("-filter_complex")
                 << QStringLiteral("[0:v]split[a][b];[a]palettegen=stats_mode=diff[p];"
                                   "[b][p]paletteuse=dither=none:diff_mode=rectangle");
        args << QStringLiteral("-f") << QStringLiteral("gif");
        break;
    }
    args << out;
    return args;
}

QString FfmpegEncoder::failure(const QString &what) {
    const QString said = QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed();
    const QString last = said.section(QLatin1Char('\n'), -3);
    return last.isEmpty() ? what : QStringLiteral("%1: %2").arg(what, last);
}

bool FfmpegEncoder::start(VideoFormat format, QSize size, double fps, const QString &outPath,
                          QString *error, const QString &palette) {
    return launch(arguments(format, size, fps, outPath, palette), size, error);
}

bool FfmpegEncoder::startPalette(QSize size, const QString &outPath, QString *error) {
    return launch(paletteArguments(size, outPath), size, error);
}

bool FfmpegEncoder::launch(const QStringList &args, QSize size, QString *error) {
    const QString ffmpeg = executable();
    if (ffmpeg.isEmpty()) {
        *error = missingMessage();
        return false;
    }
    m_size = size;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.start(ffmpeg, args);
    if (!m_process.waitForStarted(10000)) {
        *error = QObject::tr("cannot start ffmpeg (%1): %2").arg(ffmpeg, m_process.errorString());
        return false;
    }
    m_started = true;
    return true;
}

bool FfmpegEncoder::write(const QImage &frame, QString *error) {
    Q_ASSERT(frame.format() == QImage::Format_RGB32 && frame.size() == m_size);
    const qint64 frameBytes = static_cast<qint64>(frame.bytesPerLine()) * frame.height();
    if (frame.bytesPerLine() == frame.width() * 4) {
        m_process.write(reinterpret_cast<const char *>(frame.constBits()), frameBytes);
    } else {
        for (int y = 0; y < frame.height(); ++y)
            m_process.write(reinterpret_cast<const char *>(frame.constScanLine(y)),
                            frame.width() * 4);
    }
    while (m_process.bytesToWrite() > kQueuedFrames * frameBytes) {
        if (m_process.state() != QProcess::Running || !m_process.waitForBytesWritten(30000)) {
            if (m_process.state() != QProcess::Running) {
                *error = failure(QObject::tr("ffmpeg stopped"));
                return false;
            }
        }
    }
    return true;
}

bool FfmpegEncoder::finish(QString *error) {
    while (m_process.bytesToWrite() > 0 && m_process.state() == QProcess::Running)
        m_process.waitForBytesWritten(30000);
    m_process.closeWriteChannel();
    m_process.waitForFinished(-1);
    m_started = false;
    if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0) {
        *error = failure(QObject::tr("ffmpeg failed (exit %1)").arg(m_process.exitCode()));
        return false;
    }
    return true;
}

void FfmpegEncoder::abort() {
    if (!m_started)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
    m_started = false;
}

} // namespace gilscope::ui
