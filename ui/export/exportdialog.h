#pragma once

#include "export/timelineexporter.h"

#include <QDialog>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace gilscope::ui {

// File > Export Image: the chart on screen as PNG, SVG or PDF for a talk or a paper. Sizes for
// slides (1920 x 1080, 1280 x 720, 1024 x 768) or any other; PNG at 1x to 3x; slide themes or
// the screen's colours; title, legend, axis label, annotations and the run's figures optional;
// a caption of the speaker's own; a typed range ("20 ms" to "21 ms", read like --range;
// the visible range to start with) or the whole run; which thread rows to draw and in what
// order; a preview; save to a file or copy to the clipboard. Draws through
// renderTimelineFile(), the same code as `gilscope --export`.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // What the window shows now.
    struct Source {
        core::TraceIndexPtr index;
        core::TimeWindow visible;  // the range on screen
        TimelineTheme screenTheme; // "as on screen"
        QString title;             // the chart's title
        QString caption;           // metricsCaption() of the run
        QString baseName;          // a file name to suggest, without extension
        bool holderLanes = true;
        bool busyLane = true;
        std::vector<core::Annotation> annotations; // the window's callouts
    };

    explicit ExportDialog(Source source, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // The export the controls describe.
    TimelineExport options() const;
    // Renders and writes `path`; its extension picks the format when it names one.
    bool exportTo(const QString &path, QString *error);
    // Puts the image (PNG pixels at the chosen size and scale) on the clipboard.
    void copyToClipboard();

    QComboBox *formatBox() const { return m_format; }
    QComboBox *sizeBox() const { return m_size; }
    QSpinBox *widthBox() const { return m_width; }
    QSpinBox *heightBox() const { return m_height; }
    QComboBox *scaleBox() const { return m_scale; }
    QComboBox *themeBox() const { return m_theme; }
    QCheckBox *titleCheck() const { return m_useTitle; }
    QLineEdit *titleEdit() const { return m_title; }
    QCheckBox *legendCheck() const { return m_legend; }
    QCheckBox *axisLabelsCheck() const { return m_axisLabels; }
    QCheckBox *captionCheck() const { return m_caption; }
    QLineEdit *captionEdit() const { return m_captionText; }
    QCheckBox *annotationsCheck() const { return m_annotations; }
    QRadioButton *rangeButton() const { return m_typedRange; }
    QLineEdit *rangeStartEdit() const { return m_rangeStart; }
    QLineEdit *rangeEndEdit() const { return m_rangeEnd; }
    QPushButton *visibleRangeButton() const { return m_visibleRange; }
    QRadioButton *wholeRunButton() const { return m_wholeRun; }
    QListWidget *rowList() const { return m_rows; }
    QPushButton *rowUpButton() const { return m_rowUp; }
    QPushButton *rowDownButton() const { return m_rowDown; }
    // Why the typed range cannot be exported (it names the field); empty when it can.
    QString rangeError() const;
    // The preview as last drawn (for tests).
    QImage previewImage() const { return m_previewImage; }

protected:
    void done(int result) override;

private:
    void buildUi();
    void buildImageRows(QFormLayout *form);
    void buildShowRows(QFormLayout *form);
    QDialogButtonBox *buildButtons();
    void connectChanges();
    QLayout *buildRangeRow();
    QLayout *buildRowList();
    void setRangeFields(core::TimeWindow window);
    std::optional<core::TimeWindow> filledRange() const;
    void moveCurrentRow(int by);
    void readSettings();
    void writeSettings() const;
    void updateEnabled();
    void schedulePreview();
    void renderPreview();
    void saveClicked();

    Source m_source;
    QComboBox *m_format;
    QComboBox *m_size;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_scale;
    QComboBox *m_theme;
    QCheckBox *m_useTitle;
    QLineEdit *m_title;
    QCheckBox *m_legend;
    QCheckBox *m_axisLabels;
    QCheckBox *m_caption;
    QLineEdit *m_captionText;
    QCheckBox *m_annotations;
    QCheckBox *m_holderLane;
    QCheckBox *m_busyLane;
    QRadioButton *m_typedRange;
    QLineEdit *m_rangeStart;
    QLineEdit *m_rangeEnd;
    QPushButton *m_visibleRange;
    QRadioButton *m_wholeRun;
    QLabel *m_rangeError;
    // The range the fields were filled with (the zoom, to the nanosecond): it stands while the
    // fields still read as filled; typed text stands for itself.
    struct Filled {
        core::TimeWindow window;
        QString start, end;
    } m_filled;
    QListWidget *m_rows;
    QPushButton *m_rowUp;
    QPushButton *m_rowDown;
    QLabel *m_pixels;
    QLabel *m_preview;
    QPushButton *m_save;
    QPushButton *m_copy;
    QTimer m_previewTimer;
    QImage m_previewImage;
    bool m_loading = false;
};

} // namespace gilscope::ui
