#include "video/videoexportdialog.h"

#include "timeline/timeformat.h"
#include "trace/timetext.h"
#include "video/ffmpegencoder.h"
#include "video/videoexporter.h"
#include "video/videoframes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

namespace gilscope::ui {

namespace {
constexpr int kPreviewSteps = 1000;

QString timeText(double ns) {
    return formatTimestamp(ns, 1.0);
}
} // namespace

VideoExportDialog::VideoExportDialog(ExportDialog::Source source, QWidget *parent)
    : QDialog(parent)
    , m_source(std::move(source))
    , m_format(new QComboBox)
    , m_size(new QComboBox)
    , m_layout(new QComboBox)
    , m_playhead(new QComboBox)
    , m_theme(new QComboBox)
    , m_useTitle(new QCheckBox(tr("Title")))
    , m_title(new QLineEdit)
    , m_rangeStart(new QLineEdit)
    , m_rangeEnd(new QLineEdit)
    , m_duration(new QDoubleSpinBox)
    , m_fps(new QDoubleSpinBox)
    , m_preview(new QLabel)
    , m_previewAt(new QSlider(Qt::Horizontal))
    , m_status(new QLabel)
    , m_save(new QPushButton(tr("Save…"))) {
    setObjectName(QStringLiteral("videoExportDialog"));
    setWindowTitle(tr("Export Video"));

    m_format->addItem(tr("MP4 (H.264)"), static_cast<int>(VideoFormat::Mp4));
    m_format->addItem(tr("WebM (VP9)"), static_cast<int>(VideoFormat::WebM));
    m_format->addItem(tr("GIF"), static_cast<int>(VideoFormat::Gif));
    for (const QSize s : {QSize(1920, 1080), QSize(1280, 720), QSize(960, 540), QSize(640, 360)})
        m_size->addItem(QStringLiteral("%1 × %2").arg(s.width()).arg(s.height()), s);
    m_layout->addItem(tr("Timeline above the stage"), static_cast<int>(VideoLayout::Both));
    m_layout->addItem(tr("Timeline"), static_cast<int>(VideoLayout::Timeline));
    m_layout->addItem(tr("Stage"), static_cast<int>(VideoLayout::Stage));
    m_playhead->addItem(tr("Draws itself up to the playhead"),
                        static_cast<int>(VideoPlayhead::Reveal));
    m_playhead->addItem(tr("Whole, the playhead sweeping over it"),
                        static_cast<int>(VideoPlayhead::Sweep));
    m_theme->addItem(tr("Light slide"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark slide"), QStringLiteral("dark"));
    m_title->setText(m_source.title);
    m_title->setCursorPosition(0);
    m_useTitle->setChecked(false);
    const core::TimeWindow visible =
        m_source.visible.isValid() ? m_source.visible : core::TimeWindow{0, 1e6};
    m_rangeStart->setText(timeText(visible.begin));
    m_rangeEnd->setText(timeText(visible.end));
    m_duration->setRange(VideoExport::kMinDuration, VideoExport::kMaxDuration);
    m_duration->setDecimals(1);
    m_duration->setValue(10);
    m_duration->setSuffix(tr(" s"));
    m_fps->setRange(VideoExport::kMinFps, VideoExport::kMaxFps);
    m_fps->setDecimals(0);
    m_fps->setValue(30);
    m_fps->setSuffix(tr(" frames/s"));
    m_previewAt->setObjectName(QStringLiteral("previewAt"));
    m_previewAt->setRange(0, kPreviewSteps);
    m_previewAt->setValue(kPreviewSteps / 2);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setMinimumSize(480, 270);
    m_preview->setAlignment(Qt::AlignCenter);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Size:"), m_size);
    form->addRow(tr("Shows:"), m_layout);
    form->addRow(tr("Timeline:"), m_playhead);
    form->addRow(tr("Colours:"), m_theme);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_useTitle);
    titleRow->addWidget(m_title, 1);
    form->addRow(titleRow);
    auto *range = new QHBoxLayout;
    range->addWidget(m_rangeStart);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(m_rangeEnd);
    form->addRow(tr("Range:"), range);
    form->addRow(tr("Plays in:"), m_duration);
    form->addRow(tr("Frame rate:"), m_fps);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_save, &QPushButton::clicked, this, &VideoExportDialog::saveClicked);

    auto *right = new QVBoxLayout;
    right->addWidget(m_preview, 1);
    right->addWidget(m_previewAt);
    auto *columns = new QHBoxLayout;
    columns->addLayout(form);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(150);
    connect(&m_previewTimer, &QTimer::timeout, this, &VideoExportDialog::rebuildFrames);
    for (QComboBox *box : {m_format, m_size, m_layout, m_playhead, m_theme})
        connect(box, &QComboBox::currentIndexChanged, this, &VideoExportDialog::schedulePreview);
    for (QLineEdit *edit : {m_rangeStart, m_rangeEnd, m_title})
        connect(edit, &QLineEdit::textChanged, this, &VideoExportDialog::schedulePreview);
    connect(m_useTitle, &QCheckBox::toggled, this, &VideoExportDialog::schedulePreview);
    for (QDoubleSpinBox *box : {m_duration, m_fps})
        connect(box, &QDoubleSpinBox::valueChanged, this, &VideoExportDialog::schedulePreview);
    connect(m_previewAt, &QSlider::valueChanged, this, &VideoExportDialog::showPreviewFrame);
    schedulePreview();
}

VideoExportDialog::~VideoExportDialog() = default;

VideoExport VideoExportDialog::options() const {
    VideoExport o;
    o.format = static_cast<VideoFormat>(m_format->currentData().toInt());
    o.layout = static_cast<VideoLayout>(m_layout->currentData().toInt());
    o.playhead = static_cast<VideoPlayhead>(m_playhead->currentData().toInt());
    o.durationS = m_duration->value();
    o.fps = m_fps->value();
    TimelineExport &c = o.chart;
    c.size = m_size->currentData().toSize();
    c.theme = m_theme->currentData().toString() == QLatin1String("dark")
                  ? TimelineTheme::slideDark()
                  : TimelineTheme::slideLight();
    c.title = m_useTitle->isChecked() ? m_title->text() : QString();
    c.holderLanes = m_source.holderLanes;
    c.busyLane = m_source.busyLane;
    c.annotations = m_source.annotations;
    const auto range =
        core::parseTimeRange(m_rangeStart->text().toStdString(), m_rangeEnd->text().toStdString());
    if (range.ok())
        c.window = *range;
    return o;
}

QString VideoExportDialog::problem() const {
    const auto range =
        core::parseTimeRange(m_rangeStart->text().toStdString(), m_rangeEnd->text().toStdString());
    if (!range.ok())
        return tr("Range: %1").arg(QString::fromStdString(range.error()));
    if (m_source.index && range->begin >= static_cast<double>(m_source.index->trace().endNs))
        return tr("Range: starts after the run ends (%1)")
            .arg(formatDuration(static_cast<double>(m_source.index->trace().endNs)));
    return options().check();
}

void VideoExportDialog::schedulePreview() {
    m_previewTimer.start();
}

void VideoExportDialog::rebuildFrames() {
    const QString why = problem();
    const bool ffmpeg = !FfmpegEncoder::executable().isEmpty();
    m_save->setEnabled(why.isEmpty() && ffmpeg && m_source.index);
    const VideoExport o = options();
    m_status->setText(!why.isEmpty() ? why
                      : !ffmpeg      ? FfmpegEncoder::missingMessage()
                                     : tr("%1 frames of %2 × %3")
                                      .arg(o.frameCount())
                                      .arg(o.chart.size.width())
                                      .arg(o.chart.size.height()));
    if (!why.isEmpty() || !m_source.index) {
        m_frames.reset();
        return;
    }
    m_frames = std::make_unique<VideoFrames>(m_source.index, o);
    showPreviewFrame();
}

void VideoExportDialog::showPreviewFrame() {
    if (!m_frames)
        return;
    const int frame = static_cast<int>(static_cast<long long>(m_previewAt->value()) *
                                       (m_frames->count() - 1) / kPreviewSteps);
    m_previewImage = m_frames->render(frame).copy();
    m_preview->setPixmap(QPixmap::fromImage(
        m_previewImage.scaled(m_preview->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

bool VideoExportDialog::exportTo(const QString &path, QString *error) {
    const VideoExport o = options();
    std::unique_ptr<QProgressDialog> progress;
    if (isVisible()) {
        progress = std::make_unique<QProgressDialog>(tr("Rendering the video…"), tr("Cancel"), 0,
                                                     o.frameCount(), this);
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(300);
    }
    return exportVideo(m_source.index, o, path, error, [&](int done, int) {
        if (!progress)
            return true;
        progress->setValue(done);
        return !progress->wasCanceled();
    });
}

void VideoExportDialog::saveClicked() {
    const VideoExport o = options();
    const QString suffix = videoSuffix(o.format);
    const QString suggested = QDir::home().filePath(
        (m_source.baseName.isEmpty() ? QStringLiteral("gil") : m_source.baseName) + '.' + suffix);
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Video"), suggested, tr("%1 video (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return;
    if (!path.endsWith('.' + suffix, Qt::CaseInsensitive))
        path += '.' + suffix;
    QString error;
    if (!exportTo(path, &error)) {
        QMessageBox::warning(this, tr("Export Video"), error);
        return;
    }
    accept();
}

} // namespace gilscope::ui
