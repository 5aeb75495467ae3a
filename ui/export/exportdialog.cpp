#include "export/exportdialog.h"

#include "timeline/timeformat.h"
#include "trace/timetext.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <initializer_list>
#include <tuple>
#include <utility>

namespace gilscope::ui {

namespace {

constexpr int kPreviewWidth = 480;
constexpr int kPreviewDelayMs = 120;

const QSize kPresets[] = {{1920, 1080}, {1280, 720}, {1024, 768}};

enum class ThemeChoice { SlideLight, SlideDark, Screen };

QString settingsKey(const char *name) {
    return QStringLiteral("export/") + QLatin1String(name);
}

// `widget` under the object name the tests find it by.
template <typename W> W *named(W *widget, const char *name) {
    widget->setObjectName(QLatin1String(name));
    return widget;
}

QComboBox *comboBox(const char *name, std::initializer_list<std::pair<QString, QVariant>> items) {
    auto *box = named(new QComboBox, name);
    for (const auto &[text, data] : items)
        box->addItem(text, data);
    return box;
}

} // namespace

ExportDialog::ExportDialog(Source source, QWidget *parent)
    : QDialog(parent)
    , m_source(std::move(source)) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Image"));
    buildUi();
    readSettings();
    updateEnabled();
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, &ExportDialog::renderPreview);
    schedulePreview();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::buildUi() {
    auto *form = new QFormLayout;
    buildImageRows(form);
    buildShowRows(form);
    auto *rangeLabel = new QLabel(tr("&Range:"));
    auto *rowsLabel = new QLabel(tr("Ro&ws:"));
    form->addRow(rangeLabel, buildRangeRow());
    form->addRow(rowsLabel, buildRowList());
    rangeLabel->setBuddy(m_rangeStart);
    rowsLabel->setBuddy(m_rows);

    m_preview = named(new QLabel, "preview");
    m_preview->setMinimumSize(kPreviewWidth, kPreviewWidth * 9 / 16);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setFrameShape(QFrame::StyledPanel);

    auto *columns = new QHBoxLayout;
    columns->addLayout(form);
    columns->addWidget(m_preview, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buildButtons());

    connectChanges();
}

// Format, size (a preset or custom), scale and colours.
void ExportDialog::buildImageRows(QFormLayout *form) {
    m_format = comboBox("format", {{tr("PNG image"), static_cast<int>(ExportFormat::Png)},
                                   {tr("SVG drawing"), static_cast<int>(ExportFormat::Svg)},
                                   {tr("PDF page"), static_cast<int>(ExportFormat::Pdf)}});
    m_size = comboBox("size", {{tr("1920 × 1080 (Full HD slide, 16:9)"), kPresets[0]},
                               {tr("1280 × 720 (HD slide, 16:9)"), kPresets[1]},
                               {tr("1024 × 768 (projector, 4:3)"), kPresets[2]},
                               {tr("Custom"), QSize()}});
    m_width = named(new QSpinBox, "width");
    m_height = named(new QSpinBox, "height");
    m_width->setRange(TimelineExport::kMinReadableWidth, TimelineExport::kMaxSide);
    m_height->setRange(TimelineExport::kMinReadableHeight, TimelineExport::kMaxSide);
    for (QSpinBox *box : {m_width, m_height}) {
        box->setSuffix(tr(" px"));
        box->setAccelerated(true);
    }
    auto *custom = new QHBoxLayout;
    custom->addWidget(m_width);
    custom->addWidget(new QLabel(QStringLiteral("×")));
    custom->addWidget(m_height);
    custom->addStretch(1);

    m_scale = named(new QComboBox, "scale");
    for (int s = 1; s <= 3; ++s)
        m_scale->addItem(tr("%1×").arg(s), s);
    m_pixels = named(new QLabel, "pixels");
    auto *scaleRow = new QHBoxLayout;
    scaleRow->addWidget(m_scale);
    scaleRow->addWidget(m_pixels, 1);

    m_theme = comboBox("theme", {{tr("Light slide"), static_cast<int>(ThemeChoice::SlideLight)},
                                 {tr("Dark slide"), static_cast<int>(ThemeChoice::SlideDark)},
                                 {tr("As on screen"), static_cast<int>(ThemeChoice::Screen)}});

    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Size:"), m_size);
    form->addRow(QString(), custom);
    // A row of widgets gets a plain label from addRow(): the mnemonic needs its buddy named.
    auto *scaleLabel = new QLabel(tr("S&cale:"));
    scaleLabel->setBuddy(m_scale);
    form->addRow(scaleLabel, scaleRow);
    form->addRow(tr("&Colours:"), m_theme);
}

// What to draw besides the rows: title, legend, lanes, annotations, captions.
void ExportDialog::buildShowRows(QFormLayout *form) {
    m_useTitle = named(new QCheckBox(tr("Title")), "useTitle");
    m_title = named(new QLineEdit(m_source.title), "title");
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_useTitle);
    titleRow->addWidget(m_title, 1);
    // The parts of the chart to draw, two to a row.
    const std::tuple<QCheckBox **, const char *, QString> partRows[] = {
        {&m_legend, "legend", tr("Legend")},
        {&m_axisLabels, "axisLabels", tr("Axis label")},
        {&m_holderLane, "holderLane", tr("GIL holder lane")},
        {&m_busyLane, "busyLane", tr("Cores lane")},
        {&m_annotations, "annotations",
         tr("Annotations (%n)", nullptr, static_cast<int>(m_source.annotations.size()))},
        {&m_caption, "caption", tr("The run's figures under the chart")}};
    auto *parts = new QGridLayout;
    for (int i = 0; const auto &[box, name, text] : partRows) {
        *box = named(new QCheckBox(text), name);
        const bool alone = *box == m_caption; // the longest: a row of its own
        parts->addWidget(*box, i / 2, i % 2, 1, alone ? 2 : 1);
        ++i;
    }
    m_caption->setToolTip(m_source.caption);
    m_caption->setEnabled(!m_source.caption.isEmpty());
    m_annotations->setEnabled(!m_source.annotations.empty());
    m_annotations->setToolTip(tr("The callouts added with right-click → Annotate on the chart"));
    m_captionText = named(new QLineEdit, "captionText");
    m_captionText->setPlaceholderText(tr("A line of your own under the chart"));
    m_captionText->setClearButtonEnabled(true);

    form->addRow(tr("Show:"), titleRow);
    form->addRow(QString(), parts);
    form->addRow(tr("Ca&ption:"), m_captionText);
}

QDialogButtonBox *ExportDialog::buildButtons() {
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_copy =
        named(buttons->addButton(tr("Copy to &Clipboard"), QDialogButtonBox::ActionRole), "copy");
    m_save = named(buttons->addButton(tr("&Save…"), QDialogButtonBox::AcceptRole), "save");
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ExportDialog::saveClicked);
    connect(m_copy, &QPushButton::clicked, this, &ExportDialog::copyToClipboard);

    return buttons;
}

// Every choice redraws the preview (after a short pause) and updates what is enabled.
void ExportDialog::connectChanges() {
    auto changed = [this] {
        updateEnabled();
        schedulePreview();
    };
    connect(m_format, &QComboBox::currentIndexChanged, this, changed);
    connect(m_size, &QComboBox::currentIndexChanged, this, [this, changed] {
        const QSize preset = m_size->currentData().toSize();
        if (preset.isValid() && !m_loading) {
            m_width->setValue(preset.width());
            m_height->setValue(preset.height());
        }
        changed();
    });
    for (QSpinBox *box : {m_width, m_height})
        connect(box, &QSpinBox::valueChanged, this, changed);
    for (QComboBox *box : {m_scale, m_theme})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    for (QCheckBox *box :
         {m_useTitle, m_legend, m_axisLabels, m_caption, m_annotations, m_holderLane, m_busyLane})
        connect(box, &QCheckBox::toggled, this, changed);
    for (QLineEdit *edit : {m_title, m_captionText, m_rangeStart, m_rangeEnd})
        connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_typedRange, &QRadioButton::toggled, this, changed);
    // Reordering by drag or by the buttons moves, or removes and inserts, model rows.
    connect(m_rows->model(), &QAbstractItemModel::rowsMoved, this, changed);
    connect(m_rows->model(), &QAbstractItemModel::rowsInserted, this, changed);
    connect(m_rows->model(), &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_rows, &QListWidget::itemChanged, this, changed);
}

QLayout *ExportDialog::buildRangeRow() {
    m_typedRange = named(new QRadioButton(tr("From")), "typedRange");
    m_rangeStart = named(new QLineEdit, "rangeStart");
    m_rangeEnd = named(new QLineEdit, "rangeEnd");
    for (QLineEdit *edit : {m_rangeStart, m_rangeEnd}) {
        edit->setToolTip(tr("A time with its unit: 20 ms, 20500 us, 1.2 s (as gilscope --range)"));
        edit->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000.000 ms")));
        connect(edit, &QLineEdit::textEdited, this, [this] { m_typedRange->setChecked(true); });
    }
    m_visibleRange = named(new QPushButton(tr("&Visible")), "visibleRange");
    m_visibleRange->setToolTip(tr("The range the chart shows in the window"));
    connect(m_visibleRange, &QPushButton::clicked, this, [this] {
        setRangeFields(m_source.visible);
        m_typedRange->setChecked(true);
    });
    m_wholeRun = named(new QRadioButton(tr("Whole run")), "wholeRun");
    auto *group = new QButtonGroup(this);
    group->addButton(m_typedRange);
    group->addButton(m_wholeRun);
    m_typedRange->setChecked(true);
    setRangeFields(m_source.visible);
    m_rangeError = named(new QLabel, "rangeError");
    m_rangeError->setWordWrap(true);
    QPalette red = m_rangeError->palette();
    red.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_rangeError->setPalette(red);
    m_rangeError->hide();

    auto *typed = new QHBoxLayout;
    typed->addWidget(m_typedRange);
    typed->addWidget(m_rangeStart, 1);
    typed->addWidget(new QLabel(tr("to")));
    typed->addWidget(m_rangeEnd, 1);
    typed->addWidget(m_visibleRange);
    auto *column = new QVBoxLayout;
    column->addLayout(typed);
    column->addWidget(m_wholeRun);
    column->addWidget(m_rangeError);
    return column;
}

QLayout *ExportDialog::buildRowList() {
    m_rows = named(new QListWidget, "rows");
    m_rows->setToolTip(tr("Untick a row to leave it out; drag rows or use the arrows to reorder"));
    m_rows->setDragDropMode(QAbstractItemView::InternalMove);
    m_rows->setDefaultDropAction(Qt::MoveAction);
    m_rows->setMaximumHeight(fontMetrics().height() * 7);
    if (m_source.index) {
        const auto &threads = m_source.index->trace().threads;
        bool groups = false;
        for (const auto &t : threads)
            groups = groups || t.info.groupId != threads.front().info.groupId;
        for (int r = 0; r < static_cast<int>(threads.size()); ++r) {
            const auto &info = threads[static_cast<std::size_t>(r)].info;
            QString text = QString::fromStdString(info.name);
            if (groups && !info.groupName.empty())
                text += QStringLiteral("  (%1)").arg(QString::fromStdString(info.groupName));
            auto *item = new QListWidgetItem(text, m_rows);
            item->setData(Qt::UserRole, r);
            item->setFlags((item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled) &
                           ~Qt::ItemIsDropEnabled);
            item->setCheckState(Qt::Checked);
        }
    }
    m_rowUp = named(new QPushButton(tr("Up")), "rowUp");
    m_rowDown = named(new QPushButton(tr("Down")), "rowDown");
    m_rowUp->setIcon(QIcon::fromTheme(QStringLiteral("go-up")));
    m_rowDown->setIcon(QIcon::fromTheme(QStringLiteral("go-down")));
    connect(m_rowUp, &QPushButton::clicked, this, [this] { moveCurrentRow(-1); });
    connect(m_rowDown, &QPushButton::clicked, this, [this] { moveCurrentRow(+1); });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_rowUp);
    buttons->addWidget(m_rowDown);
    buttons->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_rows, 1);
    row->addLayout(buttons);
    return row;
}

void ExportDialog::moveCurrentRow(int by) {
    const int from = m_rows->currentRow();
    const int to = from + by;
    if (from < 0 || to < 0 || to >= m_rows->count())
        return;
    QListWidgetItem *item = m_rows->takeItem(from);
    m_rows->insertItem(to, item);
    m_rows->setCurrentRow(to);
}

void ExportDialog::setRangeFields(core::TimeWindow window) {
    // Both ends in the end's unit, to the zoom's thousandth: "20.000 ms" to "21.000 ms".
    const TimeUnit unit = unitFor(window.end);
    const int decimals = decimalsFor(std::max(1.0, window.span() / 1000), unit);
    m_filled = {window, formatInUnit(window.begin, unit, decimals),
                formatInUnit(window.end, unit, decimals)};
    m_rangeStart->setText(m_filled.start);
    m_rangeEnd->setText(m_filled.end);
}

std::optional<core::TimeWindow> ExportDialog::filledRange() const {
    if (m_rangeStart->text() == m_filled.start && m_rangeEnd->text() == m_filled.end)
        return m_filled.window;
    return std::nullopt;
}

QString ExportDialog::rangeError() const {
    if (!m_typedRange->isChecked() || filledRange())
        return {};
    const auto range =
        core::parseTimeRange(m_rangeStart->text().toStdString(), m_rangeEnd->text().toStdString());
    if (!range.ok())
        return tr("Range: %1").arg(QString::fromStdString(range.error()));
    const double end = m_source.index ? static_cast<double>(m_source.index->trace().endNs) : 0;
    if (end > 0 && range->begin >= end)
        return tr("Range: starts at %1, after the run ends at %2")
            .arg(formatDuration(range->begin), formatDuration(end));
    return {};
}

void ExportDialog::updateEnabled() {
    const bool custom = !m_size->currentData().toSize().isValid();
    m_width->setEnabled(custom);
    m_height->setEnabled(custom);
    const bool png =
        static_cast<ExportFormat>(m_format->currentData().toInt()) == ExportFormat::Png;
    m_scale->setEnabled(png);
    m_title->setEnabled(m_useTitle->isChecked());
    const QString rangeProblem = rangeError();
    m_rangeError->setText(rangeProblem);
    m_rangeError->setVisible(!rangeProblem.isEmpty());
    bool anyRow = m_rows->count() == 0;
    for (int i = 0; i < m_rows->count(); ++i)
        anyRow = anyRow || m_rows->item(i)->checkState() == Qt::Checked;
    m_save->setEnabled(rangeProblem.isEmpty() && anyRow);
    m_copy->setEnabled(rangeProblem.isEmpty() && anyRow);
    const TimelineExport o = options();
    m_pixels->setText(
        png ? tr("%1 × %2 pixels").arg(o.pixelSize().width()).arg(o.pixelSize().height())
            : tr("vector, %1 × %2").arg(o.size.width()).arg(o.size.height()));
}

TimelineExport ExportDialog::options() const {
    TimelineExport o;
    o.format = static_cast<ExportFormat>(m_format->currentData().toInt());
    o.size = QSize(m_width->value(), m_height->value());
    o.scale = o.format == ExportFormat::Png ? m_scale->currentData().toInt() : 1;
    switch (static_cast<ThemeChoice>(m_theme->currentData().toInt())) {
    case ThemeChoice::SlideLight:
        o.theme = TimelineTheme::slideLight();
        break;
    case ThemeChoice::SlideDark:
        o.theme = TimelineTheme::slideDark();
        break;
    case ThemeChoice::Screen:
        o.theme = m_source.screenTheme;
        break;
    }
    o.title = m_useTitle->isChecked() ? m_title->text().trimmed() : QString();
    o.legend = m_legend->isChecked();
    o.axisLabels = m_axisLabels->isChecked();
    QStringList caption;
    if (!m_captionText->text().trimmed().isEmpty())
        caption << m_captionText->text().trimmed();
    if (m_caption->isChecked() && !m_source.caption.isEmpty())
        caption << m_source.caption;
    o.caption = caption.join(QLatin1Char('\n'));
    o.holderLanes = m_holderLane->isChecked();
    o.busyLane = m_busyLane->isChecked();
    if (m_typedRange->isChecked()) {
        const auto typed = core::parseTimeRange(m_rangeStart->text().toStdString(),
                                                m_rangeEnd->text().toStdString());
        o.window = filledRange() ? *filledRange() : typed.ok() ? *typed : m_source.visible;
    }
    // Rows: nothing while every row shows in the trace's order.
    std::vector<int> rows;
    bool natural = true;
    for (int i = 0; i < m_rows->count(); ++i) {
        const QListWidgetItem *item = m_rows->item(i);
        const int row = item->data(Qt::UserRole).toInt();
        natural = natural && row == i && item->checkState() == Qt::Checked;
        if (item->checkState() == Qt::Checked)
            rows.push_back(row);
    }
    if (!natural)
        o.rows = rows;
    if (m_annotations->isChecked())
        o.annotations = m_source.annotations;
    return o;
}

void ExportDialog::schedulePreview() {
    if (!m_loading)
        m_previewTimer.start();
}

void ExportDialog::renderPreview() {
    TimelineExport o = options();
    o.format = ExportFormat::Png;
    o.scale = 1;
    if (!o.check().isEmpty() || !rangeError().isEmpty() || !m_source.index)
        return;
    m_previewImage = renderTimelineImage(m_source.index, o);
    const int width = std::max(kPreviewWidth, m_preview->width() - 4);
    QPixmap pixmap = QPixmap::fromImage(
        m_previewImage.scaled(QSize(width, m_preview->height() - 4) * devicePixelRatioF(),
                              Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(devicePixelRatioF());
    m_preview->setPixmap(pixmap);
}

bool ExportDialog::exportTo(const QString &path, QString *error) {
    if (const QString problem = rangeError(); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    TimelineExport o = options();
    if (const auto format = exportFormatFor(path)) {
        o.format = *format; // the name the user typed wins over the box
        if (o.format != ExportFormat::Png)
            o.scale = 1;
        else
            o.scale = m_scale->currentData().toInt();
    }
    return exportTimeline(m_source.index, o, path, error);
}

void ExportDialog::saveClicked() {
    const TimelineExport o = options();
    const QString suffix = exportSuffix(o.format);
    QString dir = QSettings().value(settingsKey("lastDir")).toString();
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    const QString name =
        (m_source.baseName.isEmpty() ? QStringLiteral("timeline") : m_source.baseName) +
        QLatin1Char('.') + suffix;
    const QString filter = tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix);
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export Image"), QDir(dir).filePath(name), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = exportTo(path, &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        QMessageBox::warning(this, tr("Cannot export"), error);
        return;
    }
    QSettings().setValue(settingsKey("lastDir"), QFileInfo(path).absolutePath());
    accept();
}

void ExportDialog::copyToClipboard() {
    TimelineExport o = options();
    o.format = ExportFormat::Png;
    o.scale = m_scale->currentData().toInt();
    const QString problem = rangeError().isEmpty() ? o.check() : rangeError();
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot copy"), problem);
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QImage image = renderTimelineImage(m_source.index, o);
    image.setDevicePixelRatio(1); // pasted at its full pixel size
    auto *data = new QMimeData;
    data->setImageData(image);
    if (options().format == ExportFormat::Svg) {
        QString error;
        const QByteArray svg = renderTimelineFile(m_source.index, options(), &error);
        if (!svg.isEmpty())
            data->setData(QStringLiteral("image/svg+xml"), svg);
    }
    QApplication::clipboard()->setMimeData(data);
    QApplication::restoreOverrideCursor();
}

void ExportDialog::readSettings() {
    m_loading = true;
    QSettings s;
    auto pick = [](QComboBox *box, const QVariant &data) {
        const int i = box->findData(data);
        if (i >= 0)
            box->setCurrentIndex(i);
    };
    pick(m_format, s.value(settingsKey("format"), static_cast<int>(ExportFormat::Png)));
    const QSize size = s.value(settingsKey("size"), kPresets[0]).toSize();
    m_width->setValue(size.width());
    m_height->setValue(size.height());
    const int preset = m_size->findData(size);
    m_size->setCurrentIndex(preset >= 0 ? preset : m_size->count() - 1);
    pick(m_scale, s.value(settingsKey("scale"), 2));
    pick(m_theme, s.value(settingsKey("theme"), static_cast<int>(ThemeChoice::SlideLight)));
    m_useTitle->setChecked(s.value(settingsKey("title"), true).toBool());
    m_legend->setChecked(s.value(settingsKey("legend"), true).toBool());
    m_axisLabels->setChecked(s.value(settingsKey("axisLabels"), true).toBool());
    m_caption->setChecked(m_caption->isEnabled() &&
                          s.value(settingsKey("caption"), false).toBool());
    m_holderLane->setChecked(m_source.holderLanes);
    m_busyLane->setChecked(m_source.busyLane);
    m_annotations->setChecked(m_annotations->isEnabled() &&
                              s.value(settingsKey("annotations"), true).toBool());
    const bool whole = s.value(settingsKey("wholeRun"), false).toBool();
    (whole ? m_wholeRun : m_typedRange)->setChecked(true);
    m_loading = false;
}

void ExportDialog::writeSettings() const {
    QSettings s;
    const TimelineExport o = options();
    s.setValue(settingsKey("format"), static_cast<int>(o.format));
    s.setValue(settingsKey("size"), o.size);
    s.setValue(settingsKey("scale"), m_scale->currentData());
    s.setValue(settingsKey("theme"), m_theme->currentData());
    s.setValue(settingsKey("title"), m_useTitle->isChecked());
    s.setValue(settingsKey("legend"), o.legend);
    s.setValue(settingsKey("axisLabels"), o.axisLabels);
    if (m_caption->isEnabled())
        s.setValue(settingsKey("caption"), m_caption->isChecked());
    if (m_annotations->isEnabled())
        s.setValue(settingsKey("annotations"), m_annotations->isChecked());
    s.setValue(settingsKey("wholeRun"), m_wholeRun->isChecked());
}

void ExportDialog::done(int result) {
    writeSettings();
    QDialog::done(result);
}

} // namespace gilscope::ui
